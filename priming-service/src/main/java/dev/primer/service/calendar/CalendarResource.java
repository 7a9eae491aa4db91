package dev.primer.service.calendar;

import dev.primer.service.auth.Roles;
import dev.primer.service.config.PrimerConfig;
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

/** A user's calendar (role integrator). */
@Path("/v1/users/{id}/calendar")
@RolesAllowed(Roles.INTEGRATOR)
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
  public CalendarAnswer put(
      @PathParam("id") String userId,
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
