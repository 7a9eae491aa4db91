package dev.primer.service.precompute;

import dev.primer.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Lets an admin start the precompute now and watch its progress. */
@Path("/v1/admin/precompute")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PrecomputeResource {
  @Inject PrecomputeService precompute;

  /** Starts a run (unless one is running): 202 with the progress. */
  @POST
  public Response start() {
    return Response.accepted(precompute.start("admin")).build();
  }

  /** The newest run's progress. */
  @GET
  public PrecomputeStatus status() {
    return precompute.status();
  }
}
