package dev.primer.service.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.service.auth.Roles;
import dev.primer.service.device.DeviceService;
import dev.primer.service.manifest.CurrentManifest;
import dev.primer.service.manifest.Generations;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Streams the records of a device's manifest, with their content, in the order asked. */
@Path("/v1/devices/{id}/records:fetch")
@RolesAllowed(Roles.DEVICE)
public class RecordsResource {
  /** The most ids one request may ask for. */
  public static final int MAX_IDS = 1000;

  private static final long MAX_BODY = 256 * 1024;
  private static final String NDJSON = "application/x-ndjson";

  @Inject DeviceService devices;
  @Inject Generations generations;
  @Inject RecordStreamer streamer;
  @Inject ObjectMapper json;
  @Inject JsonWebToken caller;

  /** One NDJSON line per asked id: the record, or an error saying why not. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(NDJSON)
  public Response fetch(
      @PathParam("id") String deviceId,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      InputStream body)
      throws IOException {
    devices.owned(deviceId, caller.getSubject());
    List<String> ids = ids(BoundedInput.of(body, MAX_BODY, "the list of ids").readAllBytes());
    CurrentManifest manifest = generations.current(deviceId);
    boolean gzip =
        acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
    StreamingOutput out =
        stream -> {
          if (gzip) {
            try (GZIPOutputStream z = new GZIPOutputStream(stream, 1 << 16)) {
              streamer.write(ids, manifest.recordIds(), z);
            }
          } else {
            streamer.write(ids, manifest.recordIds(), stream);
          }
        };
    Response.ResponseBuilder r = Response.ok(out, NDJSON);
    if (gzip) {
      r.header(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return r.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
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
