package dev.primer.service.problem;

import dev.primer.protocol.problem.ProblemDocument;
import dev.primer.protocol.problem.ProblemError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bean Validation's refusals as a 400 problem document with one {@code errors[]} entry per field,
 * the shape of every other field error. Quarkus's own subclass for resource parameters is named so
 * that its built-in mapper does not answer instead.
 */
public class ViolationMappers {
  private static final Comparator<ProblemError> BY_FIELD =
      Comparator.comparing((ProblemError e) -> e.field()).thenComparing(e -> e.message());

  /** A request field that breaks a constraint (not blank, size, pattern, range, storable). */
  @ServerExceptionMapper({
    ConstraintViolationException.class,
    io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class
  })
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<ProblemError> errors =
        e.getConstraintViolations().stream()
            .map(v -> ProblemError.field(field(v), v.getMessage()))
            .distinct()
            .sorted(BY_FIELD)
            .toList();
    String detail =
        errors.isEmpty()
            ? "the request is invalid"
            : errors.get(0).field() + ": " + errors.get(0).message();
    return ProblemMappers.respond(
        ProblemDocument.of(
            "invalid-request",
            "Invalid request",
            400,
            detail,
            uri == null ? "" : uri.getRequestUri().getRawPath(),
            errors));
  }

  /**
   * The field as the client wrote it: the path without the Java method and parameter it went
   * through ({@code enrol.body.name} is {@code name}, a list element {@code ids[3]}), or the
   * parameter itself when it is the field (a query parameter, a missing body).
   */
  static String field(ConstraintViolation<?> v) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : v.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
        case PARAMETER -> parameter = node.getName();
        default -> {
          if (field.isEmpty() && parameter != null && node.isInIterable()) {
            field.append(parameter);
          }
          // As in Hibernate Validator's own paths, an index belongs to the node before this one.
          if (node.isInIterable()) {
            field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey());
            field.append(']');
          }
          if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
            if (!field.isEmpty()) {
              field.append('.');
            }
            field.append(node.getName());
          }
        }
      }
    }
    return !field.isEmpty() ? field.toString() : parameter == null ? "request" : parameter;
  }
}
