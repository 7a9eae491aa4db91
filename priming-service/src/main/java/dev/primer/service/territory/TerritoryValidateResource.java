package dev.primer.service.territory;

import dev.primer.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * {@code POST /v1/territories:validate (role admin)}: an action on the collection, kept in a class
 * of its own. Clients must send the colon as is; {@code %3A} is a different path.
 */
@Path("/v1/territories:validate")
@RolesAllowed(Roles.ADMIN)
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
  public ValidationAnswer validate(InputStream body) {
    return territories.validate(bodies.text(body));
  }
}
