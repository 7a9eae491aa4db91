package dev.primer.service.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.service.auth.Roles;
import dev.primer.service.device.DeviceService;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.upload.BoundedInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A device's access events: hits and misses, for the next training run. */
@Path("/v1/devices/{id}/telemetry")
@RolesAllowed(Roles.DEVICE)
public class TelemetryResource {
  /** The largest telemetry body accepted (after gzip decoding). */
  public static final long MAX_BODY = 16L * 1024 * 1024;

  @Inject DeviceService devices;
  @Inject TelemetryService telemetry;
  @Inject ObjectMapper json;
  @Inject JsonWebToken caller;

  /** Stores the events; each event id is stored once however often it is sent. */
  @POST
  @Consumes({"application/x-ndjson", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  public TelemetryResult upload(
      @PathParam("id") String deviceId,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      InputStream body)
      throws IOException {
    var device = devices.owned(deviceId, caller.getSubject());
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
