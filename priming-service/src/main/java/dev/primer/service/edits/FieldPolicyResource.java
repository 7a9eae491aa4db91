package dev.primer.service.edits;

import dev.primer.protocol.edits.FieldPolicy;
import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merge policy table, for admins: who may write which field, and how conflicts end. */
@Path("/v1/admin/field-policies")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Devices, previews and the precompute, for admins")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class FieldPolicyResource {
  @Inject FieldPolicies policies;

  /** Every row. */
  @GET
  @Operation(summary = "The field policy table, by type and field")
  @APIResponse(
      responseCode = "200",
      description = "The rows",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = FieldPolicy.class)))
  public List<FieldPolicy> list() {
    return policies.all();
  }

  /** Stores one row (insert or replace). */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Insert or replace one row of the field policy table")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FieldPolicy.class)))
  @APIResponse(
      responseCode = "200",
      description = "The row as stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FieldPolicy.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public FieldPolicy put(FieldPolicy row) {
    if (row == null) {
      throw ProblemException.badRequest("invalid-policy", "recordType", "a body is required");
    }
    boolean knownType =
        row.recordType().equals(FieldPolicy.ANY)
            || Arrays.stream(dev.primer.core.dataset.RecordType.values())
                .anyMatch(t -> t.wireName().equals(row.recordType()));
    if (!knownType) {
      throw ProblemException.badRequest(
          "invalid-policy", "recordType", "'" + row.recordType() + "' is no record type nor *");
    }
    if (!row.field().equals(FieldPolicy.ANY) && !FieldNames.valid(row.field())) {
      throw ProblemException.badRequest(
          "invalid-policy", "field", "'" + row.field() + "' is no field name (a-z, 0-9, -) nor *");
    }
    return policies.put(row);
  }
}
