package dev.primer.service.blobs;

import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.problem.ProblemDocument;
import dev.primer.service.auth.Caller;
import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobInfo;
import dev.primer.service.content.BlobStore;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;

/**
 * Large record content by its SHA-256, with HTTP Range so an interrupted download resumes. Streamed
 * from the blob store; a blob is visible only to a user whose device's manifest lists it, and is
 * 404 to everyone else (its existence must not leak).
 */
@Path("/v1/blobs/{sha256}")
@RolesAllowed(Roles.DEVICE)
@Tag(name = "devices")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.DEVICE)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class BlobResource {
  private static final String OCTETS = "application/octet-stream";

  @Inject BlobStore blobs;
  @Inject BlobAccess access;
  @Inject Caller caller;

  /** The blob, whole (200) or the asked range (206); 416 when the range lies past the end. */
  @GET
  @Operation(summary = "A blob by its sha256, whole or a byte range")
  @APIResponse(
      responseCode = "200",
      description = "The whole blob",
      headers =
          @Header(
              name = "ETag",
              description = "\"sha256\"",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaTypes.OCTETS,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "206",
      description = "The asked range, with Content-Range",
      headers =
          @Header(
              name = "ETag",
              description = "\"sha256\"",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaTypes.OCTETS,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "304", description = "If-None-Match names the blob's ETag")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(
      responseCode = "416",
      description = "The range starts past the end; Content-Range: bytes */SIZE",
      content =
          @Content(
              mediaType = MediaTypes.PROBLEM,
              schema = @Schema(implementation = ProblemDocument.class)))
  @APIResponse(responseCode = "429", ref = ApiDefinition.TOO_MANY)
  @APIResponse(responseCode = "503", ref = ApiDefinition.UNAVAILABLE)
  public Response get(
      @Parameter(description = "The blob's content hash, hex") @PathParam("sha256") String sha256,
      @Parameter(description = "bytes=N-, bytes=N-M or bytes=-K") @HeaderParam("Range")
          String range,
      @Parameter(description = "Resume only while the ETag is this one") @HeaderParam("If-Range")
          String ifRange,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    if (!BlobStore.isAddress(sha256) || !access.allowed(caller.userId(), sha256)) {
      throw ProblemException.notFound("blob", sha256);
    }
    BlobInfo info = blobs.info(sha256).orElseThrow(() -> ProblemException.notFound("blob", sha256));
    String etag = "\"" + sha256 + "\"";
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      return Response.notModified().header(HttpHeaders.ETAG, etag).build();
    }
    // If-Range with another validator (or a date, which a content address never needs): the
    // representation the client holds is not this one, so it gets the whole blob.
    Optional<String> asked =
        ifRange == null || ifRange.strip().equals(etag)
            ? Optional.ofNullable(range)
            : Optional.empty();
    ByteRange.Request request = ByteRange.parse(asked, info.size());
    if (request instanceof ByteRange.Unsatisfiable) {
      ProblemDocument problem =
          ProblemDocument.of(
              "range-not-satisfiable",
              "Range not satisfiable",
              416,
              "the blob has " + info.size() + " bytes; the range asked for '" + range + "'",
              "/v1/blobs/" + sha256,
              List.of());
      return Response.status(416)
          .header("Content-Range", "bytes */" + info.size())
          .header(HttpHeaders.ETAG, etag)
          .type(MediaTypes.PROBLEM)
          .entity(problem)
          .build();
    }
    long first = 0;
    long length = info.size();
    Response.ResponseBuilder r;
    if (request instanceof ByteRange.Partial partial) {
      first = partial.range().first();
      length = partial.range().length();
      r = Response.status(206).header("Content-Range", partial.range().contentRange(info.size()));
    } else {
      r = Response.ok();
    }
    long from = first;
    long count = length;
    Object body =
        blobs
            .localFile(sha256)
            .<Object>map(f -> new PathPart(f, from, count))
            .orElseGet(() -> streamed(sha256, from, count));
    return r.entity(body)
        .type(OCTETS)
        .header(HttpHeaders.CONTENT_LENGTH, length)
        .header(HttpHeaders.ETAG, etag)
        .header("Accept-Ranges", "bytes")
        .build();
  }

  /**
   * The bytes through the request thread, for a store with no local file; a local file goes to the
   * connection without passing through the JVM (sendfile), which leaves the CPU to the clients.
   */
  private StreamingOutput streamed(String sha256, long from, long count) {
    return out -> {
      try (InputStream in = blobs.open(sha256, from)) {
        byte[] buffer = new byte[1 << 16];
        long left = count;
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            break;
          }
          out.write(buffer, 0, n);
          left -= n;
        }
      }
    };
  }
}
