package dev.primer.service.model;

import dev.primer.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The model registry API (role data-scientist). */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DATA_SCIENTIST)
public class ModelResource {
  private final ModelService models;

  ModelResource(ModelService models) {
    this.models = models;
  }

  /** Every uploaded model, newest first. */
  @GET
  public List<ModelEntry> list() {
    return models.list();
  }
}
