package dev.primer.service.model;

import dev.primer.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /v1/models:rollback (role data-scientist)}: an action on the collection, kept in a
 * class of its own. Clients must send the colon as is; {@code %3A} is a different path.
 */
@Path("/v1/models:rollback")
@RolesAllowed(Roles.DATA_SCIENTIST)
public class ModelRollbackResource {
  private final ModelService models;

  ModelRollbackResource(ModelService models) {
    this.models = models;
  }

  /** Returns to the previously active model. */
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public ModelEntry rollback() {
    return models.rollback();
  }
}
