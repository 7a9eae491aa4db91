package dev.primer.service.territory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.service.auth.Roles;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.upload.Bodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Territories as GeoJSON and users' territory assignments (role admin). */
@Path("/v1")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "territories",
    description = "Territories as GeoJSON and users' assignments, for admins")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class TerritoryResource {
  private final TerritoryService territories;
  private final PrimerConfig config;

  TerritoryResource(TerritoryService territories, PrimerConfig config) {
    this.territories = territories;
    this.config = config;
  }

  /** Every territory as a FeatureCollection. */
  @GET
  @Path("/territories")
  @Operation(summary = "Every territory")
  @APIResponse(
      responseCode = "200",
      description = "A GeoJSON FeatureCollection",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.OBJECT, description = "A FeatureCollection")))
  public String all() {
    return territories.allAsText();
  }

  /** Overlaps, gaps and accounts per territory. */
  @GET
  @Path("/territories/report")
  @Operation(summary = "Overlaps, gaps and accounts per territory")
  @APIResponse(
      responseCode = "200",
      description = "The coverage report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CoverageAnswer.class)))
  public CoverageAnswer report() {
    return territories.report();
  }

  /** One territory's Feature. */
  @GET
  @Path("/territories/{id}")
  @Operation(summary = "One territory")
  @APIResponse(
      responseCode = "200",
      description = "The territory",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.OBJECT, description = "A GeoJSON Feature")))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public JsonNode get(@Parameter(description = "The territory") @PathParam("id") String id) {
    return territories.get(id).orElseThrow(() -> ProblemException.notFound("territory", id));
  }

  /** Creates (201) or replaces (200) a territory; an invalid one is 422 with the problems. */
  @PUT
  @Path("/territories/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
  @Operation(summary = "Create or replace a territory")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/geo+json",
              schema = @Schema(type = SchemaType.OBJECT, description = "A GeoJSON Feature")))
  @APIResponse(
      responseCode = "201",
      description = "Created; the stored territory",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.OBJECT, description = "A GeoJSON Feature")))
  @APIResponse(
      responseCode = "200",
      description = "Replaced; the stored territory",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.OBJECT, description = "A GeoJSON Feature")))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "408", ref = ApiDefinition.TIMEOUT)
  @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
  @APIResponse(responseCode = "422", ref = ApiDefinition.UNPROCESSABLE)
  @APIResponse(responseCode = "429", ref = ApiDefinition.TOO_MANY)
  @APIResponse(responseCode = "503", ref = ApiDefinition.UNAVAILABLE)
  public Response put(
      @Parameter(description = "The territory") @PathParam("id") String id, InputStream body) {
    boolean created = territories.put(id, text(body));
    JsonNode stored = territories.get(id).orElseThrow();
    return Response.status(created ? 201 : 200).entity(stored).build();
  }

  /** Deletes a territory (204) and its user assignments. */
  @DELETE
  @Path("/territories/{id}")
  @Operation(summary = "Delete a territory and its user assignments")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public Response delete(@Parameter(description = "The territory") @PathParam("id") String id) {
    if (!territories.delete(id)) {
      throw ProblemException.notFound("territory", id);
    }
    return Response.noContent().build();
  }

  /** Replaces a user's territories with the ids in the body. */
  @PUT
  @Path("/users/{id}/territories")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a user's territories with the ids in the body")
  @APIResponse(
      responseCode = "200",
      description = "The user and their territory ids",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.OBJECT, description = "{userId, territoryIds}")))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "422", ref = ApiDefinition.UNPROCESSABLE)
  public Map<String, Object> assign(
      @Parameter(description = "The user") @PathParam("id") String userId,
      List<String> territoryIds) {
    return Map.of(
        "userId", userId, "territoryIds", territories.assign(userId, territoryIds(territoryIds)));
  }

  /** An assignment's body, a JSON array of territory ids; a body that is none is a 400. */
  public static List<String> territoryIds(List<String> body) {
    // JSON null, or no body at all, reaches here as null.
    if (body == null) {
      throw ProblemException.badRequest(
          "invalid-body", "body", "must be a JSON array of territory ids");
    }
    return body;
  }

  /** The body of a territory request, read up to the territory limit. */
  public String text(InputStream body) {
    try (InputStream in =
        Bodies.open(body, null, config.limits().territory().asLongValue(), "the territory body")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
