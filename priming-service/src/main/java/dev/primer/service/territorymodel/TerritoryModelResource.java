package dev.primer.service.territorymodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.protocol.admin.TerritoryModelPreview;
import dev.primer.protocol.admin.TerritoryModelView;
import dev.primer.service.auth.Caller;
import dev.primer.service.auth.Roles;
import dev.primer.service.manifest.ManifestService;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.precompute.PrecomputeConfig;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.problem.QueryParameters;
import dev.primer.service.territory.TerritoryResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Draft territory models: edit, preview, activate, restore (role admin). */
@Path("/v1/territory-models")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "territories")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class TerritoryModelResource {
  private static final int MAX_DAYS = 14;

  @Inject TerritoryModels models;
  @Inject TerritoryModelPreviewer previewer;
  @Inject TerritoryResource bodies;
  @Inject ManifestService manifests;
  @Inject PrecomputeConfig precompute;
  @Inject Caller caller;

  /** Every model, newest first. */
  @GET
  @Operation(summary = "Every territory model (drafts, the active one, archived), newest first")
  @APIResponse(
      responseCode = "200",
      description = "The models",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = TerritoryModelView.class)))
  public List<TerritoryModelView> list() {
    return models.list();
  }

  /** Starts a draft as a copy of the live territories and assignments. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a draft: a copy of the live territories and assignments")
  @APIResponse(
      responseCode = "201",
      description = "The draft",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TerritoryModelView.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public Response create(Map<String, String> body) {
    String note = body == null ? "" : body.getOrDefault("note", "");
    if (note.length() > 1000) {
      throw ProblemException.badRequest("invalid-body", "note", "must be at most 1000 characters");
    }
    return Response.status(201).entity(models.createDraft(caller.userId(), note)).build();
  }

  /** The model's territories as a FeatureCollection; each feature lists its reps. */
  @GET
  @Path("{id}")
  @Operation(summary = "The model's territories; each feature's assignedTo lists its reps")
  @APIResponse(
      responseCode = "200",
      description = "A FeatureCollection",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.OBJECT, description = "A FeatureCollection")))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public ObjectNode get(@Parameter(description = "The model") @PathParam("id") String id) {
    return models.collection(id);
  }

  /** Deletes a draft. */
  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a draft")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  public Response delete(@Parameter(description = "The draft") @PathParam("id") String id) {
    models.deleteDraft(id);
    return Response.noContent().build();
  }

  /** Creates (201) or replaces (200) a territory of a draft; an invalid one is 422. */
  @PUT
  @Path("{id}/territories/{territory}")
  @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
  @Operation(summary = "Create or replace a territory of a draft, checked as a live one is")
  @APIResponse(responseCode = "200", description = "Replaced")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
  @APIResponse(responseCode = "422", ref = ApiDefinition.UNPROCESSABLE)
  public Response putTerritory(
      @Parameter(description = "The draft") @PathParam("id") String id,
      @Parameter(description = "The territory") @PathParam("territory") String territory,
      InputStream body) {
    boolean created = models.putTerritory(id, territory, bodies.text(body));
    JsonNode stored = models.contents(id).features().get(territory);
    return Response.status(created ? 201 : 200).entity(stored).build();
  }

  /** Deletes a territory of a draft and its assignments there. */
  @DELETE
  @Path("{id}/territories/{territory}")
  @Operation(summary = "Delete a territory of a draft and its assignments there")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  public Response deleteTerritory(
      @Parameter(description = "The draft") @PathParam("id") String id,
      @Parameter(description = "The territory") @PathParam("territory") String territory) {
    if (!models.deleteTerritory(id, territory)) {
      throw ProblemException.notFound("territory", territory);
    }
    return Response.noContent().build();
  }

  /** Replaces a rep's territories in a draft. */
  @PUT
  @Path("{id}/assignments/{user}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a rep's territories in a draft")
  @APIResponse(responseCode = "200", description = "The rep and their territory ids in the draft")
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  @APIResponse(responseCode = "422", ref = ApiDefinition.UNPROCESSABLE)
  public Map<String, Object> assign(
      @Parameter(description = "The draft") @PathParam("id") String id,
      @Parameter(description = "The rep") @PathParam("user") String user,
      List<String> territoryIds) {
    return Map.of(
        "userId",
        user,
        "territoryIds",
        models.assign(id, user, TerritoryResource.territoryIds(territoryIds)));
  }

  /** What activating the model would change, rep by rep. */
  @GET
  @Path("{id}/preview")
  @Operation(
      summary =
          "Per affected rep: accounts, records and MB gained and lost, hit rate before and after")
  @APIResponse(
      responseCode = "200",
      description = "The preview",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TerritoryModelPreview.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public TerritoryModelPreview preview(
      @Parameter(description = "The model") @PathParam("id") String id,
      @Parameter(description = "Device budget in bytes; default the precompute's")
          @QueryParam("budget")
          String budget,
      @Parameter(description = "Past days the hit rate is measured over, 1..14; default 3")
          @QueryParam("days")
          String days) {
    long bytes =
        budget == null || budget.isBlank()
            ? precompute.defaultBudget()
            : manifests.budget(Optional.of(budget));
    return previewer.preview(id, bytes, QueryParameters.days(days, 3, MAX_DAYS));
  }

  /** Makes the model live; answers the archived model of what was live before. */
  @POST
  @Path("{id}/activate")
  @Operation(summary = "Make a draft (or an archived model: restore) live, atomically")
  @APIResponse(
      responseCode = "200",
      description = "The archived model holding what was live before",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TerritoryModelView.class)))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  public TerritoryModelView activate(
      @Parameter(description = "The model") @PathParam("id") String id) {
    return models.activate(id, caller.userId());
  }
}
