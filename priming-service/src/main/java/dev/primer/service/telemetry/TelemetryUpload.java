package dev.primer.service.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import dev.primer.service.access.DeviceAccess;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.upload.BoundedInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** A device's telemetry upload: checked, size-limited, parsed and stored. */
@ApplicationScoped
public class TelemetryUpload {
  /** The largest telemetry body accepted (after gzip decoding). */
  public static final long MAX_BODY = 16L * 1024 * 1024;

  @Inject DeviceAccess devices;
  @Inject TelemetryService telemetry;
  @Inject ObjectMapper json;

  /** Stores the events of {@code body} (NDJSON, gzip when {@code encoding} says so). */
  public TelemetryAnswer upload(
      String deviceId, String callerUserId, String encoding, InputStream body) throws IOException {
    var device = devices.owned(deviceId, callerUserId);
    TelemetryParser.Parsed parsed;
    try {
      InputStream in = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
      parsed = new TelemetryParser(json).parse(BoundedInput.of(in, MAX_BODY, "the telemetry"));
    } catch (ZipException e) {
      throw new ProblemException(
          400, "invalid-encoding", "Invalid encoding", "the body is not valid gzip");
    }
    return telemetry.store(deviceId, device.userId(), parsed);
  }
}
