package dev.primer.service.edits;

import dev.primer.protocol.edits.EditFigures;
import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The offline-edit figures for admins: outcomes, conflict rate per field, queues. */
@Path("/v1/admin/edits")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Devices, previews and the precompute, for admins")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class EditStatsResource {
  @Inject EditStats stats;

  /** The figures now. */
  @GET
  @Path("stats")
  @Operation(summary = "Receipts by outcome, conflicts per field, review queue, device queues")
  @APIResponse(
      responseCode = "200",
      description = "The figures",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EditFigures.class)))
  public EditFigures stats() {
    return stats.figures();
  }
}
