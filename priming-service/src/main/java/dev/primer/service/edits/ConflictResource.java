package dev.primer.service.edits;

import dev.primer.protocol.edits.Conflict;
import dev.primer.protocol.edits.ConflictResolution;
import dev.primer.service.auth.Caller;
import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

/** The review queue of offline edits, for admins: list, show, resolve. */
@Path("/v1/admin/conflicts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Devices, previews and the precompute, for admins")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class ConflictResource {
  @Inject ReviewQueue queue;
  @Inject Caller caller;

  /** Items in a state, oldest first. */
  @GET
  @Operation(summary = "Review items (base / mine / theirs), oldest first")
  @APIResponse(
      responseCode = "200",
      description = "The items",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Conflict.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public List<Conflict> list(
      @Parameter(description = "open (default) or resolved")
          @QueryParam("state")
          @DefaultValue("open")
          String state,
      @Parameter(description = "At most this many, 1..1000")
          @QueryParam("limit")
          @DefaultValue("100")
          String limit,
      @Parameter(description = "Skip this many") @QueryParam("offset") @DefaultValue("0")
          String offset) {
    return queue.list(state, number("limit", limit), number("offset", offset));
  }

  /** One item. */
  @GET
  @Path("{id}")
  @Operation(summary = "One review item")
  @APIResponse(
      responseCode = "200",
      description = "The item",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Conflict.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public Conflict get(@Parameter(description = "The item id") @PathParam("id") String id) {
    return queue.get(number("id", id));
  }

  /** Decides an item: keep mine, theirs or a value. */
  @POST
  @Path("{id}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Resolve a review item: keep mine, theirs or a value")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConflictResolution.class)))
  @APIResponse(
      responseCode = "200",
      description = "The item, resolved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Conflict.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  public Conflict resolve(
      @Parameter(description = "The item id") @PathParam("id") String id, ConflictResolution body) {
    if (body == null) {
      throw ProblemException.badRequest(
          "invalid-resolution", "keep", "a body {\"keep\": ...} is required");
    }
    return queue.resolve(number("id", id), body, caller.userId());
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(
          "invalid-query", name, "must be a whole number, was '" + value + "'");
    }
  }
}
