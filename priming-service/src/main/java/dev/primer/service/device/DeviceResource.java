package dev.primer.service.device;

import dev.primer.protocol.device.Enrolled;

import dev.primer.service.access.DeviceAccess;
import dev.primer.service.auth.Caller;
import dev.primer.service.auth.Roles;
import dev.primer.service.manifest.ManifestService;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.records.RecordsFetch;
import dev.primer.service.telemetry.TelemetryUpload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Everything a device does: enrol, read its manifest, fetch its records, report telemetry. One
 * resource for the whole /v1/devices tree (Quarkus REST routes a path prefix to one class); each
 * method only delegates.
 */
@Path("/v1/devices")
@RolesAllowed(Roles.DEVICE)
public class DeviceResource {
  private static final String SERVER_TIMING = "Server-Timing";

  @Inject DeviceService devices;
  @Inject DeviceAccess access;
  @Inject ManifestService manifests;
  @Inject RecordsFetch records;
  @Inject TelemetryUpload telemetry;
  @Inject DeviceTokens tokens;
  @Inject Caller caller;

  /** Enrols a device for the calling user; the answer carries the device's own token. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response enrol(Enrolment body) {
    if (caller.boundDevice().isPresent()) {
      throw new ProblemException(
          403, "forbidden", "Forbidden", "a device token cannot enrol another device");
    }
    Enrolled d = devices.enrol(caller.userId(), body);
    return Response.created(URI.create("/v1/devices/" + d.deviceId())).entity(d).build();
  }

  /**
   * The manifest; 304 when If-None-Match names the current ETag. Both carry a Server-Timing header
   * with the time the service took to build the answer, before writing it.
   */
  @GET
  @Path("{id}/manifest")
  @Produces(MediaType.APPLICATION_JSON)
  public Response manifest(
      @PathParam("id") String deviceId,
      @QueryParam("budget") String budget,
      @QueryParam("since") String since,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    caller.mayActFor(deviceId);
    long bytes = manifests.budget(Optional.ofNullable(budget));
    var sinceGeneration = manifests.since(Optional.ofNullable(since));
    ManifestService.Answer answer =
        manifests.manifest(deviceId, caller.userId(), bytes, sinceGeneration);
    if (matches(ifNoneMatch, answer.etag())) {
      return Response.notModified()
          .header(HttpHeaders.ETAG, answer.etag())
          .header(SERVER_TIMING, answer.serverTiming())
          .build();
    }
    return Response.ok(answer.manifest())
        .header(HttpHeaders.ETAG, answer.etag())
        .header(SERVER_TIMING, answer.serverTiming())
        .build();
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .anyMatch(t -> t.equals("*") || t.equals(etag) || t.equals("W/" + etag));
  }

  /**
   * The device's POST actions: {@code records:fetch} (one NDJSON line per asked id, in the asked
   * order), {@code telemetry} (access events, each stored once) and {@code token} (a new device
   * token; the one used to ask stops working ten minutes later). The action is a path parameter
   * because Quarkus REST does not route a literal ':' in a path template.
   */
  @POST
  @Path("{id}/{action}")
  @Consumes(MediaType.WILDCARD)
  @Produces({RecordsFetch.NDJSON, MediaType.APPLICATION_JSON})
  public Response act(
      @PathParam("id") String deviceId,
      @PathParam("action") String action,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      InputStream body)
      throws IOException {
    caller.mayActFor(deviceId);
    String user = caller.userId();
    return switch (action) {
      case "records:fetch" -> records.fetch(deviceId, user, acceptEncoding, body);
      case "telemetry" ->
          Response.ok(
                  telemetry.upload(deviceId, user, contentEncoding, body),
                  MediaType.APPLICATION_JSON)
              .build();
      case "token" -> {
        access.owned(deviceId, user);
        Optional<String> current =
            caller.boundDevice().map(d -> authorization.substring("Bearer ".length()).strip());
        yield Response.ok(tokens.renew(deviceId, current).wire(), MediaType.APPLICATION_JSON).build();
      }
      default -> throw ProblemException.notFound("device action", action);
    };
  }
}
