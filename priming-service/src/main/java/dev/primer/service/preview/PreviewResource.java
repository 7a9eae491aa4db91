package dev.primer.service.preview;

import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.auth.Roles;
import dev.primer.service.manifest.ManifestService;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.selection.SelectionService;
import dev.primer.service.selection.UserSelection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An admin's what-if: what a user's manifest would hold for a budget, and how well it would do. */
@Path("/v1/users/{id}/preview")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class PreviewResource {
  private static final int TOP = 50;

  @Inject ManifestService manifests;
  @Inject SelectionService selections;

  /** The preview of the user's next shift day. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "What the user's manifest would hold for a budget, and how well it would do")
  @APIResponse(
      responseCode = "200",
      description = "The preview",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Preview.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public Preview preview(
      @Parameter(description = "The user") @PathParam("id") String userId,
      @Parameter(description = "Bytes, 1..max-budget", required = true) @QueryParam("budget")
          String budget) {
    long bytes = manifests.budget(Optional.ofNullable(budget));
    UserSelection s = selections.selectionFor(userId, bytes);
    Map<String, Long> bytesByType = new TreeMap<>();
    Map<String, Integer> entriesByType = new TreeMap<>();
    int guaranteed = 0;
    double scores = 0;
    for (ManifestEntry e : s.entries()) {
      bytesByType.merge(e.type(), e.sizeBytes(), Long::sum);
      entriesByType.merge(e.type(), 1, Integer::sum);
      if (e.guaranteed()) {
        guaranteed++;
      }
      scores += e.score();
    }
    Double expected = null;
    Double hitRate = null;
    if (s.expectedAccesses().isPresent()) {
      expected = s.expectedAccesses().getAsDouble();
      hitRate = expected > 0 ? Math.min(1.0, scores / expected) : 0.0;
    }
    return new Preview(
        userId,
        s.day(),
        s.modelId(),
        s.selector(),
        s.note(),
        s.budget(),
        s.bytes(),
        s.entries().size(),
        guaranteed,
        s.entries().size() - guaranteed,
        bytesByType,
        entriesByType,
        expected,
        hitRate,
        s.notFitted(),
        s.entries().subList(0, Math.min(TOP, s.entries().size())));
  }
}
