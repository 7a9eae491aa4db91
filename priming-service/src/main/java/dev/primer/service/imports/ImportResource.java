package dev.primer.service.imports;

import dev.primer.protocol.imports.ImportResult;
import dev.primer.service.auth.Roles;
import dev.primer.service.config.PrimerConfig;
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

/** Bulk imports of data set files (role integrator): NDJSON, gzip accepted. */
@Path("/v1/import")
@RolesAllowed(Roles.INTEGRATOR)
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
  public ImportResult importLines(
      @PathParam("kind") String kind,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      InputStream body) {
    ImportKind k = ImportKind.fromPath(kind);
    return imports.importLines(
        k,
        Bodies.open(body, encoding, config.limits().importBody().asLongValue(), "the import body"));
  }
}
