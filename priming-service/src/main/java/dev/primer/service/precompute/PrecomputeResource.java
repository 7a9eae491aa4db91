package dev.primer.service.precompute;

import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets an admin start the precompute now and watch its progress. */
@Path("/v1/admin/precompute")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class PrecomputeResource {
  @Inject PrecomputeService precompute;

  /** Starts a run (unless one is running): 202 with the progress. */
  @POST
  @Operation(summary = "Start a precompute run now, unless one is running")
  @APIResponse(
      responseCode = "202",
      description = "The run's progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PrecomputeStatus.class)))
  public Response start() {
    return Response.accepted(precompute.start("admin")).build();
  }

  /** The newest run's progress. */
  @GET
  @Operation(summary = "The newest run's progress")
  @APIResponse(
      responseCode = "200",
      description = "The progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PrecomputeStatus.class)))
  public PrecomputeStatus status() {
    return precompute.status();
  }
}
