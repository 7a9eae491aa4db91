package dev.primer.service.device;

import dev.primer.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Device enrolment: a device acts for the user whose token enrolled it. */
@Path("/v1/devices")
@RolesAllowed(Roles.DEVICE)
public class DeviceResource {
  @Inject DeviceService devices;
  @Inject JsonWebToken caller;

  /** Enrols a device for the calling user. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response enrol(Enrolment body) {
    DeviceView d = devices.enrol(caller.getSubject(), body);
    return Response.created(URI.create("/v1/devices/" + d.deviceId())).entity(d).build();
  }
}
