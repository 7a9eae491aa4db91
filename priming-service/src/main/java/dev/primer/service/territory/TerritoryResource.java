package dev.primer.service.territory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.service.auth.Roles;
import dev.primer.service.config.PrimerConfig;
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

/** Territories as GeoJSON and users' territory assignments (role admin). */
@Path("/v1")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
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
  public JsonNode all() {
    return territories.all();
  }

  /** Overlaps, gaps and accounts per territory. */
  @GET
  @Path("/territories/report")
  public CoverageAnswer report() {
    return territories.report();
  }

  /** One territory's Feature. */
  @GET
  @Path("/territories/{id}")
  public JsonNode get(@PathParam("id") String id) {
    return territories.get(id).orElseThrow(() -> ProblemException.notFound("territory", id));
  }

  /** Creates (201) or replaces (200) a territory; an invalid one is 422 with the problems. */
  @PUT
  @Path("/territories/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
  public Response put(@PathParam("id") String id, InputStream body) {
    boolean created = territories.put(id, text(body));
    JsonNode stored = territories.get(id).orElseThrow();
    return Response.status(created ? 201 : 200).entity(stored).build();
  }

  /** Deletes a territory (204) and its user assignments. */
  @DELETE
  @Path("/territories/{id}")
  public Response delete(@PathParam("id") String id) {
    if (!territories.delete(id)) {
      throw ProblemException.notFound("territory", id);
    }
    return Response.noContent().build();
  }

  /** Replaces a user's territories with the ids in the body. */
  @PUT
  @Path("/users/{id}/territories")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> assign(@PathParam("id") String userId, List<String> territoryIds) {
    if (territoryIds == null) {
      throw ProblemException.badRequest(
          "invalid-body", "body", "must be a JSON array of territory ids");
    }
    return Map.of("userId", userId, "territoryIds", territories.assign(userId, territoryIds));
  }

  String text(InputStream body) {
    try (InputStream in =
        Bodies.open(body, null, config.limits().territory().asLongValue(), "the territory body")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
