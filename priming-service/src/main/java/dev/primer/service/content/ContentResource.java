package dev.primer.service.content;

import dev.primer.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** Record content uploads (role integrator), streamed and size-limited. */
@Path("/v1/records/{id}/content")
@RolesAllowed(Roles.INTEGRATOR)
public class ContentResource {
  private final ContentService content;

  ContentResource(ContentService content) {
    this.content = content;
  }

  /** Stores the content of the record's current version; answers its sha256. */
  @PUT
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Produces(MediaType.APPLICATION_JSON)
  public ContentAnswer put(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    return content.store(id, body, length == null ? -1 : length);
  }
}
