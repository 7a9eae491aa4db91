package dev.primer.service.model;

import dev.primer.protocol.model.ModelEvaluation;
import dev.primer.service.auth.Roles;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.upload.Bodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The model registry API (role data-scientist). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DATA_SCIENTIST)
@Tag(name = "models", description = "The model registry, for data scientists")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.DATA_SCIENTIST)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
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
  @Operation(summary = "Every uploaded model, newest first")
  @APIResponse(
      responseCode = "200",
      description = "The registry entries",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ModelEntry.class)))
  @RolesAllowed({Roles.DATA_SCIENTIST, Roles.ADMIN})
  public List<ModelEntry> list() {
    return models.list();
  }

  /** Uploads a bundle zip: 201 when new, 200 when the same bundle was uploaded before. */
  @POST
  @Path("/models")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Upload a model bundle")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "201",
      description = "A new bundle; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ModelEntry.class)))
  @APIResponse(
      responseCode = "200",
      description = "The same bundle was uploaded before",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ModelEntry.class)))
  @APIResponse(responseCode = "408", ref = ApiDefinition.TIMEOUT)
  @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
  @APIResponse(responseCode = "422", ref = ApiDefinition.UNPROCESSABLE)
  @APIResponse(responseCode = "429", ref = ApiDefinition.TOO_MANY)
  @APIResponse(responseCode = "503", ref = ApiDefinition.UNAVAILABLE)
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

  /** Attaches an evaluation report to a model, replacing any earlier one. */
  @PUT
  @Path("/models/{id}/evaluation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Attach an evaluation report (bin/primer evaluate --report) to a model")
  @APIResponse(
      responseCode = "200",
      description = "The entry, with its evaluation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ModelEntry.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public ModelEntry attachEvaluation(
      @Parameter(description = "The model id") @PathParam("id") String id, ModelEvaluation body) {
    // JSON null, or no body at all, reaches here as null.
    if (body == null) {
      throw ProblemException.badRequest(
          "invalid-body", "body", "must be an evaluation report (evaluation.json)");
    }
    return models.attachEvaluation(id, body);
  }

  /** Makes a model the active one. */
  @POST
  @Path("/models/{id}/activate")
  @Operation(summary = "Make a model the active one")
  @APIResponse(
      responseCode = "200",
      description = "The entry, now active",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ModelEntry.class)))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "422", ref = ApiDefinition.UNPROCESSABLE)
  @RolesAllowed({Roles.DATA_SCIENTIST, Roles.ADMIN})
  public ModelEntry activate(@Parameter(description = "The model id") @PathParam("id") String id) {
    return models.activate(id);
  }
}
