package dev.primer.service.model;

import dev.primer.service.auth.Roles;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.upload.Bodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/** The model registry API (role data-scientist). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DATA_SCIENTIST)
public class ModelResource {
  private final ModelService models;
  private final PrimerConfig config;

  ModelResource(ModelService models, PrimerConfig config) {
    this.models = models;
    this.config = config;
  }

  /** Every uploaded model, newest first. */
  @GET
  @Path("/models")
  public List<ModelEntry> list() {
    return models.list();
  }

  /** Uploads a bundle zip: 201 when new, 200 when the same bundle was uploaded before. */
  @POST
  @Path("/models")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  public Response upload(InputStream body) {
    byte[] bytes;
    try (InputStream in =
        Bodies.open(body, null, config.limits().model().asLongValue(), "the model bundle")) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ModelService.Upload upload = models.upload(bytes);
    return Response.status(upload.created() ? 201 : 200)
        .location(URI.create("/v1/models/" + upload.entry().id()))
        .entity(upload.entry())
        .build();
  }

  /** Makes a model the active one. */
  @POST
  @Path("/models/{id}/activate")
  public ModelEntry activate(@PathParam("id") String id) {
    return models.activate(id);
  }
}
