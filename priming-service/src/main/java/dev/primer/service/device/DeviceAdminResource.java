package dev.primer.service.device;

import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets an admin list a user's devices and revoke a lost one (its next contact is told to wipe). */
@Path("/v1/admin/devices")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Devices, previews and the precompute, for admins")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class DeviceAdminResource {
  @Inject DeviceService devices;

  /** The devices of {@code userId}, revoked ones included. */
  @GET
  @Operation(summary = "A user's devices, oldest first, revoked ones included")
  @APIResponse(
      responseCode = "200",
      description = "The devices",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceView.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public List<DeviceView> list(
      @Parameter(description = "The user", required = true) @QueryParam("userId") String userId) {
    if (userId == null || userId.isBlank()) {
      throw ProblemException.badRequest(
          "invalid-query", "userId", "is required, e.g. ?userId=u0001");
    }
    return devices.of(userId);
  }

  /** Revokes the device: its tokens stop working at once. */
  @POST
  @Path("{id}/revoke")
  @Operation(summary = "Revoke a device: its tokens stop working at once")
  @APIResponse(
      responseCode = "200",
      description = "The device, with revokedAt",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeviceView.class)))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public DeviceView revoke(
      @Parameter(description = "The device id") @PathParam("id") String deviceId) {
    return devices.revoke(deviceId);
  }
}
