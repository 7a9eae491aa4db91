package dev.primer.service.device;

import dev.primer.service.auth.Roles;
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

/** Lets an admin list a user's devices and revoke a lost one (its next contact is told to wipe). */
@Path("/v1/admin/devices")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceAdminResource {
  @Inject DeviceService devices;

  /** The devices of {@code userId}, revoked ones included. */
  @GET
  public List<DeviceView> list(@QueryParam("userId") String userId) {
    if (userId == null || userId.isBlank()) {
      throw ProblemException.badRequest(
          "invalid-query", "userId", "is required, e.g. ?userId=u0001");
    }
    return devices.of(userId);
  }

  /** Revokes the device: its tokens stop working at once. */
  @POST
  @Path("{id}/revoke")
  public DeviceView revoke(@PathParam("id") String deviceId) {
    return devices.revoke(deviceId);
  }
}
