package dev.primer.service.model;

import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/models:rollback (role data-scientist)}: an action on the collection, kept in a
 * class of its own. Clients must send the colon as is; {@code %3A} is a different path.
 */
@Path("/v1/models:rollback")
@RolesAllowed({Roles.DATA_SCIENTIST, Roles.ADMIN})
@Tag(name = "models")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.DATA_SCIENTIST)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class ModelRollbackResource {
  private final ModelService models;

  ModelRollbackResource(ModelService models) {
    this.models = models;
  }

  /** Returns to the previously active model. */
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Return to the previously active model")
  @APIResponse(
      responseCode = "200",
      description = "The entry now active",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ModelEntry.class)))
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  public ModelEntry rollback() {
    return models.rollback();
  }
}
