package dev.primer.service.territory;

import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/territories:validate (role admin)}: an action on the collection, kept in a class
 * of its own. Clients must send the colon as is; {@code %3A} is a different path.
 */
@Path("/v1/territories:validate")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "territories")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class TerritoryValidateResource {
  private final TerritoryService territories;
  private final TerritoryResource bodies;

  TerritoryValidateResource(TerritoryService territories, TerritoryResource bodies) {
    this.territories = territories;
    this.bodies = bodies;
  }

  /** Validates a Feature or FeatureCollection without storing it. */
  @POST
  @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Validate a Feature or FeatureCollection without storing it")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/geo+json",
              schema = @Schema(type = SchemaType.OBJECT, description = "GeoJSON")))
  @APIResponse(
      responseCode = "200",
      description = "Whether it is valid, and its problems",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ValidationAnswer.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "408", ref = ApiDefinition.TIMEOUT)
  @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
  @APIResponse(responseCode = "429", ref = ApiDefinition.TOO_MANY)
  @APIResponse(responseCode = "503", ref = ApiDefinition.UNAVAILABLE)
  public ValidationAnswer validate(InputStream body) {
    return territories.validate(bodies.text(body));
  }
}
