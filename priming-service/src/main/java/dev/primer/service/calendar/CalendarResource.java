package dev.primer.service.calendar;

import dev.primer.service.auth.Roles;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.upload.Bodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's calendar (role integrator). */
@Path("/v1/users/{id}/calendar")
@RolesAllowed(Roles.INTEGRATOR)
@Tag(name = "imports", description = "Org data, calendars and record content, for integrators")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.INTEGRATOR)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class CalendarResource {
  private final CalendarService calendars;
  private final PrimerConfig config;

  CalendarResource(CalendarService calendars, PrimerConfig config) {
    this.calendars = calendars;
    this.config = config;
  }

  /** Stores the user's calendar; the answer lists what the parser found wrong. */
  @PUT
  @Consumes("text/calendar")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Store and parse a user's calendar")
  @RequestBody(
      content =
          @Content(
              mediaType = "text/calendar",
              schema = @Schema(type = SchemaType.STRING, description = "RFC 5545 iCalendar")))
  @APIResponse(
      responseCode = "200",
      description = "Stored; the problems the parser found",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalendarAnswer.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "408", ref = ApiDefinition.TIMEOUT)
  @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED)
  @APIResponse(responseCode = "422", ref = ApiDefinition.UNPROCESSABLE)
  @APIResponse(responseCode = "429", ref = ApiDefinition.TOO_MANY)
  @APIResponse(responseCode = "503", ref = ApiDefinition.UNAVAILABLE)
  public CalendarAnswer put(
      @Parameter(description = "The user") @PathParam("id") String userId,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      InputStream body) {
    try (InputStream in =
        Bodies.open(body, encoding, config.limits().calendar().asLongValue(), "the calendar")) {
      return calendars.store(userId, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
