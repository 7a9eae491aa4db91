package dev.primer.service.budget;

import dev.primer.protocol.admin.BudgetSetting;
import dev.primer.protocol.admin.DeviceBudgets;
import dev.primer.service.auth.Caller;
import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Device budgets per role and per rep (role admin): ceilings on what their devices are served. */
@Path("/v1/budgets")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
@APIResponse(
    responseCode = "200",
    description = "Every budget set",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeviceBudgets.class)))
public class BudgetResource {
  @Inject BudgetService budgets;
  @Inject Caller caller;

  /** Every budget set, per role and per rep. */
  @GET
  @Operation(summary = "Every device budget set, per role and per rep")
  public DeviceBudgets all() {
    return budgets.all();
  }

  /** Sets a role's device budget. */
  @PUT
  @Path("roles/{role}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a role's device budget: no device of the role is served more")
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public DeviceBudgets setRole(
      @Parameter(description = "The role, e.g. service") @PathParam("role") String role,
      BudgetSetting body) {
    return budgets.set(BudgetService.Scope.ROLE, role, bytes(body), caller.userId());
  }

  /** Removes a role's device budget. */
  @DELETE
  @Path("roles/{role}")
  @Operation(summary = "Remove a role's device budget")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public DeviceBudgets clearRole(
      @Parameter(description = "The role, e.g. service") @PathParam("role") String role) {
    return budgets.clear(BudgetService.Scope.ROLE, role);
  }

  /** Sets a rep's own device budget, which overrides their role's. */
  @PUT
  @Path("users/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a rep's own device budget, which overrides their role's")
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public DeviceBudgets setUser(
      @Parameter(description = "The rep") @PathParam("id") String userId, BudgetSetting body) {
    return budgets.set(BudgetService.Scope.USER, userId, bytes(body), caller.userId());
  }

  /** Removes a rep's own device budget (their role's applies again). */
  @DELETE
  @Path("users/{id}")
  @Operation(summary = "Remove a rep's own device budget; their role's applies again")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public DeviceBudgets clearUser(
      @Parameter(description = "The rep") @PathParam("id") String userId) {
    return budgets.clear(BudgetService.Scope.USER, userId);
  }

  private static long bytes(BudgetSetting body) {
    // JSON null, or no body at all, reaches here as null.
    if (body == null) {
      throw ProblemException.badRequest(
          "invalid-body", "body", "must be a JSON object, e.g. {\"bytes\": 536870912}");
    }
    return body.bytes();
  }
}
