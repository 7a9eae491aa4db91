package dev.primer.service.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.problem.ProblemDocument;
import dev.primer.protocol.problem.ProblemError;
import dev.primer.service.auth.DeviceTokenRefusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 problem document. Each mapper is narrow; the last one catches
 * what nobody expected, logs it under an id and tells the client only that id.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final int BUSY_RETRY_SECONDS = 2;

  /** A refusal the service decided on. */
  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(
        ProblemDocument.of(e.type(), e.title(), e.status(), e.detail(), instance(uri), e.errors()));
  }

  /**
   * A body that is not valid JSON or does not fit the expected shape. The subclasses are named
   * because Quarkus has its own, more specific mappers for some of them.
   */
  @ServerExceptionMapper({
    JsonProcessingException.class,
    JsonParseException.class,
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    ValueInstantiationException.class,
    UnrecognizedPropertyException.class
  })
  public Response badJson(JsonProcessingException e, UriInfo uri) {
    String message = JsonErrors.describe(e);
    return respond(
        ProblemDocument.of(
            "invalid-json",
            "Invalid JSON body",
            400,
            "the body " + message,
            instance(uri),
            List.of(ProblemError.of(message))));
  }

  /** No or an invalid token. */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri) {
    // A device token that stopped working says why, so that the agent can act on it.
    Optional<String> refusal =
        e instanceof AuthenticationFailedException failed
            ? DeviceTokenRefusal.slugOf(failed)
            : Optional.empty();
    if (refusal.isPresent()) {
      String slug = refusal.get();
      String title = slug.equals("device-revoked") ? "Device revoked" : "Device token expired";
      return Response.fromResponse(
              respond(
                  ProblemDocument.of(slug, title, 401, e.getMessage(), instance(uri), List.of())))
          .header("WWW-Authenticate", "Bearer")
          .build();
    }
    return Response.fromResponse(
            respond(
                ProblemDocument.of(
                    "unauthorized",
                    "Unauthorized",
                    401,
                    "a valid bearer token is required",
                    instance(uri),
                    List.of())))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  /** A valid token without the role the endpoint needs. */
  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        ProblemDocument.of(
            "forbidden",
            "Forbidden",
            403,
            "the token's roles do not allow this request",
            instance(uri),
            List.of()));
  }

  /** What JAX-RS itself refuses: unknown route (404), method (405), media types (406, 415), ... */
  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    HttpStatus s = HttpStatus.of(status);
    Response.ResponseBuilder answer =
        Response.fromResponse(
            respond(
                ProblemDocument.of(
                    s.slug(), s.title(), status, s.detail(), instance(uri), List.of())));
    String allow = e.getResponse().getHeaderString("Allow");
    if (allow != null) {
      answer.header("Allow", allow);
    }
    return answer.build();
  }

  /** Anything else: a bug or an outage. The cause is logged, never sent. */
  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (outOfConnections(e)) {
      return Response.fromResponse(
              respond(
                  ProblemDocument.of(
                      "service-busy",
                      "Service busy",
                      503,
                      "every database connection is in use; try again in "
                          + BUSY_RETRY_SECONDS
                          + " s",
                      instance(uri),
                      List.of())))
          .header("Retry-After", BUSY_RETRY_SECONDS)
          .build();
    }
    String id = UUID.randomUUID().toString();
    LOG.errorf(e, "unexpected error %s on %s", id, instance(uri));
    return respond(
        new ProblemDocument(
            ProblemDocument.TYPE_PREFIX + "internal-error",
            "Internal server error",
            500,
            "the server failed unexpectedly; quote error id " + id + " when reporting it",
            instance(uri),
            List.of(),
            id));
  }

  /**
   * Whether {@code e} is the connection pool timing out. Agroal says so only in the message of a
   * plain SQLException, hence the text match; it is a load peak, not a bug, so the client is told
   * to come back instead of being handed an error id.
   */
  static boolean outOfConnections(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException
          && t.getMessage() != null
          && t.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
        return true;
      }
    }
    return false;
  }

  static Response respond(ProblemDocument problem) {
    return Response.status(problem.status()).type(MediaTypes.PROBLEM).entity(problem).build();
  }

  private static String instance(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
