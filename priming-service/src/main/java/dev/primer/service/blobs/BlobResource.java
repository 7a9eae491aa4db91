package dev.primer.service.blobs;

import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.problem.ProblemDocument;
import dev.primer.service.auth.Caller;
import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobInfo;
import dev.primer.service.content.BlobStore;
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
import org.jboss.resteasy.reactive.PathPart;

/**
 * Large record content by its SHA-256, with HTTP Range so an interrupted download resumes. Streamed
 * from the blob store; a blob is visible only to a user whose device's manifest lists it, and is
 * 404 to everyone else (its existence must not leak).
 */
@Path("/v1/blobs/{sha256}")
@RolesAllowed(Roles.DEVICE)
public class BlobResource {
  private static final String OCTETS = "application/octet-stream";

  @Inject BlobStore blobs;
  @Inject BlobAccess access;
  @Inject Caller caller;

  /** The blob, whole (200) or the asked range (206); 416 when the range lies past the end. */
  @GET
  public Response get(
      @PathParam("sha256") String sha256,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange,
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
