package dev.primer.service.manifest;

import dev.primer.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A device's manifest: what to hold for the next shift day, full or as a delta. */
@Path("/v1/devices/{id}/manifest")
@RolesAllowed(Roles.DEVICE)
public class ManifestResource {
  @Inject ManifestService manifests;
  @Inject JsonWebToken caller;

  /** The manifest; 304 when If-None-Match names the current ETag. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response manifest(
      @PathParam("id") String deviceId,
      @QueryParam("budget") String budget,
      @QueryParam("since") String since,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    long bytes = manifests.budget(Optional.ofNullable(budget));
    var sinceGeneration = manifests.since(Optional.ofNullable(since));
    ManifestService.Answer answer =
        manifests.manifest(deviceId, caller.getSubject(), bytes, sinceGeneration);
    if (matches(ifNoneMatch, answer.etag())) {
      return Response.notModified().header(HttpHeaders.ETAG, answer.etag()).build();
    }
    return Response.ok(answer.manifest()).header(HttpHeaders.ETAG, answer.etag()).build();
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .anyMatch(t -> t.equals("*") || t.equals(etag) || t.equals("W/" + etag));
  }
}
