package dev.primer.service.device;

import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.device.EnrolRequest;
import dev.primer.protocol.device.Enrolled;
import dev.primer.protocol.edits.OpenReviews;
import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.records.FetchRequest;
import dev.primer.protocol.records.RecordLine;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import dev.primer.protocol.telemetry.TelemetryLine;
import dev.primer.service.access.DeviceAccess;
import dev.primer.service.auth.Caller;
import dev.primer.service.auth.Roles;
import dev.primer.service.edits.EditUpload;
import dev.primer.service.edits.ReviewQueue;
import dev.primer.service.manifest.ManifestService;
import dev.primer.service.openapi.ApiDefinition;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything a device does: enrol, read its manifest, fetch its records, report telemetry. One
 * resource for the whole /v1/devices tree (Quarkus REST routes a path prefix to one class); each
 * method only delegates.
 */
@Path("/v1/devices")
@RolesAllowed(Roles.DEVICE)
@Tag(name = "devices", description = "Enrolment, manifests, records, telemetry and tokens")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.DEVICE)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class DeviceResource {
  private static final String SERVER_TIMING = "Server-Timing";

  @Inject DeviceService devices;
  @Inject DeviceAccess access;
  @Inject ManifestService manifests;
  @Inject RecordsFetch records;
  @Inject TelemetryUpload telemetry;
  @Inject EditUpload edits;
  @Inject ReviewQueue reviews;
  @Inject DeviceTokens tokens;
  @Inject Caller caller;

  /** Enrols a device for the calling user; the answer carries the device's own token. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Enrol a device for the calling user (with the user's JWT)")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaTypes.JSON,
              schema = @Schema(implementation = EnrolRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "The device and its token, shown this once; Location names the device",
      content =
          @Content(
              mediaType = MediaTypes.JSON,
              schema = @Schema(implementation = dev.primer.protocol.device.Enrolled.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
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
  @Path("{id}/reviews")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The device's operations still waiting in the review queue")
  @APIResponse(
      responseCode = "200",
      description = "Their operation ids, oldest first",
      content =
          @Content(
              mediaType = MediaTypes.JSON,
              schema = @Schema(implementation = OpenReviews.class)))
  @APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "410", ref = ApiDefinition.GONE)
  public OpenReviews reviews(
      @Parameter(description = "The device id") @PathParam("id") String deviceId) {
    caller.mayActFor(deviceId);
    access.owned(deviceId, caller.userId());
    return reviews.openFor(deviceId);
  }

  @GET
  @Path("{id}/manifest")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The device's manifest for its next shift day, whole or as a delta")
  @APIResponse(
      responseCode = "200",
      description = "The manifest (a delta when since names a generation still kept)",
      headers = {
        @Header(
            name = "ETag",
            description = "\"generation-hash\"",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Server-Timing",
            description = "build;dur=MS",
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(mediaType = MediaTypes.JSON, schema = @Schema(implementation = Manifest.class)))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "410", ref = ApiDefinition.GONE)
  public Response manifest(
      @Parameter(description = "The device id") @PathParam("id") String deviceId,
      @Parameter(description = "Bytes the device may fill, 1..max-budget", required = true)
          @QueryParam("budget")
          String budget,
      @Parameter(description = "The generation the device holds, for a delta") @QueryParam("since")
          String since,
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
  @Operation(
      summary = "records:fetch, telemetry, edits or token",
      description =
          "records:fetch: a FetchRequest (JSON) answered by one RecordLine per asked id, in the"
              + " asked order (NDJSON). telemetry: TelemetryLine events (NDJSON) answered by a"
              + " TelemetryAnswer. edits: an EditBatch (JSON) answered by EditReceipts, one receipt"
              + " per operation, safe to resend. token: no body, answered by a new IssuedToken.")
  @RequestBody(
      required = false,
      content = {
        @Content(
            mediaType = MediaTypes.JSON,
            schema =
                @Schema(oneOf = {FetchRequest.class, dev.primer.protocol.edits.EditBatch.class})),
        @Content(
            mediaType = MediaTypes.NDJSON,
            schema = @Schema(implementation = TelemetryLine.class))
      })
  @APIResponse(
      responseCode = "200",
      description = "Record lines (records:fetch), a TelemetryAnswer or an IssuedToken",
      content = {
        @Content(
            mediaType = MediaTypes.NDJSON,
            schema = @Schema(implementation = RecordLine.class)),
        @Content(
            mediaType = MediaTypes.JSON,
            schema =
                @Schema(
                    oneOf = {
                      TelemetryAnswer.class,
                      dev.primer.protocol.edits.EditReceipts.class,
                      dev.primer.protocol.device.IssuedToken.class
                    }))
      })
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "408", ref = ApiDefinition.TIMEOUT)
  @APIResponse(responseCode = "410", ref = ApiDefinition.GONE)
  @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
  @APIResponse(responseCode = "429", ref = ApiDefinition.TOO_MANY)
  @APIResponse(responseCode = "503", ref = ApiDefinition.UNAVAILABLE)
  public Response act(
      @Parameter(description = "The device id") @PathParam("id") String deviceId,
      @Parameter(
              description = "The action",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"records:fetch", "telemetry", "edits", "token"}))
          @PathParam("action")
          String action,
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
      case "edits" ->
          Response.ok(
                  edits.upload(deviceId, user, contentEncoding, body), MediaType.APPLICATION_JSON)
              .build();
      case "token" -> {
        access.owned(deviceId, user);
        Optional<String> current =
            caller.boundDevice().map(d -> authorization.substring("Bearer ".length()).strip());
        yield Response.ok(tokens.renew(deviceId, current).wire(), MediaType.APPLICATION_JSON)
            .build();
      }
      default -> throw ProblemException.notFound("device action", action);
    };
  }
}
