package dev.primer.service.imports;

import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.imports.ImportResult;
import dev.primer.service.auth.Roles;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.upload.Bodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk imports of data set files (role integrator): NDJSON, gzip accepted. */
@Path("/v1/import")
@RolesAllowed(Roles.INTEGRATOR)
@Tag(name = "imports")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.INTEGRATOR)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class ImportResource {
  private final ImportService imports;
  private final PrimerConfig config;

  ImportResource(ImportService imports, PrimerConfig config) {
    this.imports = imports;
    this.config = config;
  }

  /** Upserts the lines of users.jsonl, accounts.jsonl, records.jsonl or interactions.jsonl. */
  @POST
  @Path("/{kind}")
  @Consumes({"application/x-ndjson", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Upsert the lines of a data set file")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaTypes.NDJSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      description = "One object a line, in the data set format of the kind")))
  @APIResponse(
      responseCode = "200",
      description = "What was stored, and the rejected lines",
      content =
          @Content(
              mediaType = MediaTypes.JSON,
              schema = @Schema(implementation = ImportResult.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "408", ref = ApiDefinition.TIMEOUT)
  @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED)
  @APIResponse(responseCode = "429", ref = ApiDefinition.TOO_MANY)
  @APIResponse(responseCode = "503", ref = ApiDefinition.UNAVAILABLE)
  public ImportResult importLines(
      @Parameter(
              description = "The file",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "users",
                        "accounts",
                        "records",
                        "interactions",
                        "shares",
                        "content"
                      }))
          @PathParam("kind")
          String kind,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      InputStream body) {
    ImportKind k = ImportKind.fromPath(kind);
    return imports.importLines(
        k,
        Bodies.open(body, encoding, config.limits().importBody().asLongValue(), "the import body"));
  }
}
