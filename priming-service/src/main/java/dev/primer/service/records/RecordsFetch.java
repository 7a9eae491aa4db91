package dev.primer.service.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.records.FetchRequest;
import dev.primer.service.access.DeviceAccess;
import dev.primer.service.access.RecordAccess;
import dev.primer.service.manifest.CurrentManifest;
import dev.primer.service.manifest.Generations;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.upload.BoundedInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** {@code records:fetch}: streams the records of a device's manifest, in the order asked. */
@ApplicationScoped
public class RecordsFetch {
  /** The most ids one request may ask for. */
  public static final int MAX_IDS = 1000;

  /** Newline-delimited JSON. */
  public static final String NDJSON = "application/x-ndjson";

  private static final long MAX_BODY = 256 * 1024;

  @Inject DeviceAccess devices;
  @Inject Generations generations;
  @Inject RecordStreamer streamer;
  @Inject RecordAccess access;
  @Inject EditedByDevice edited;
  @Inject ObjectMapper json;

  /** The streamed answer; ids outside the device's current manifest get an error line. */
  public Response fetch(
      String deviceId, String callerUserId, String acceptEncoding, InputStream body)
      throws IOException {
    devices.owned(deviceId, callerUserId);
    List<String> ids = ids(BoundedInput.of(body, MAX_BODY, "the list of ids").readAllBytes());
    CurrentManifest manifest = generations.current(deviceId);
    boolean gzip =
        acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
    // In the device's newest manifest and still the user's to read (an account can change hands
    // between the manifest and the fetch).
    Set<String> inManifest = new HashSet<>();
    List<String> outside = new java.util.ArrayList<>();
    for (String id : ids) {
      if (manifest.recordIds().contains(id)) {
        inManifest.add(id);
      } else {
        outside.add(id);
      }
    }
    // A record the device edited or created is its to fetch too: after its receipts it brings
    // the merged record home, on the manifest or not yet (ADR 0009).
    inManifest.addAll(edited.byDevice(deviceId, outside));
    RecordStreamer.Answer answer = streamer.open(ids, access.readable(callerUserId, inManifest));
    // The gzip stream is finished only after the last line: an answer the database broke off
    // must reach the device as a broken stream, never as a well-formed short one.
    StreamingOutput out =
        stream -> {
          if (gzip) {
            GZIPOutputStream z = new FastGzip(stream);
            answer.writeTo(z);
            z.close();
          } else {
            answer.writeTo(stream);
          }
        };
    Response.ResponseBuilder r = Response.ok(out, NDJSON);
    if (gzip) {
      r.header(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return r.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
  }

  /**
   * gzip at the fastest level: at the default level one answer kept a core busy at about 10 MB/s of
   * content, slower than the office network it is meant to spare; level 1 is some 3 times faster
   * for about a tenth more bytes.
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  private List<String> ids(byte[] body) {
    FetchRequest request;
    try {
      request = json.readValue(body, FetchRequest.class);
    } catch (IOException e) {
      throw ProblemException.badRequest(
          "invalid-fetch", "ids", "the body must be {\"ids\": [\"r…\", …]}");
    }
    if (request == null || request.ids() == null) {
      throw ProblemException.badRequest("invalid-fetch", "ids", "is required");
    }
    if (request.ids().size() > MAX_IDS) {
      throw ProblemException.badRequest(
          "invalid-fetch",
          "ids",
          "at most " + MAX_IDS + " ids per request, was " + request.ids().size());
    }
    for (int i = 0; i < request.ids().size(); i++) {
      if (request.ids().get(i) == null || request.ids().get(i).isBlank()) {
        throw ProblemException.badRequest("invalid-fetch", "ids[" + i + "]", "must be a record id");
      }
    }
    return request.ids();
  }
}
