package dev.primer.protocol.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The RFC 9457 problem document every error answer carries ({@code application/problem+json}).
 *
 * @param type a URI under {@link #TYPE_PREFIX} naming the kind of problem
 * @param title the kind of problem, in words
 * @param status the HTTP status
 * @param detail what was wrong with this request, naming the field or line
 * @param instance the request path
 * @param errors each thing wrong, when there are several (or one with a field or line)
 * @param errorId only for unexpected failures: the id under which the server logged the cause
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDocument(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<ProblemError> errors,
    String errorId) {
  /** The prefix of every problem type URI. */
  public static final String TYPE_PREFIX = "https://primer.dev/problems/";

  /** The type slug of a 401 whose device was revoked: the agent wipes its store. */
  public static final String DEVICE_REVOKED = "device-revoked";

  /** The type slug of a 401 whose device token has expired. */
  public static final String TOKEN_EXPIRED = "token-expired";

  public ProblemDocument {
    type = Objects.requireNonNullElse(type, "");
    title = Objects.requireNonNullElse(title, "");
    detail = Objects.requireNonNullElse(detail, "");
    instance = Objects.requireNonNullElse(instance, "");
    errors = errors == null ? List.of() : List.copyOf(errors);
    errorId = Objects.requireNonNullElse(errorId, "");
  }

  /** A problem document of type {@code slug}. */
  public static ProblemDocument of(
      String slug,
      String title,
      int status,
      String detail,
      String instance,
      List<ProblemError> errors) {
    return new ProblemDocument(TYPE_PREFIX + slug, title, status, detail, instance, errors, "");
  }

  /** Whether the type is {@code slug} (under the Primer prefix). */
  public boolean is(String slug) {
    return type.equals(TYPE_PREFIX + slug);
  }

  /** The detail, or the title when the service gave no detail. */
  public String explanation() {
    return detail.isEmpty() ? (title.isEmpty() ? "no detail" : title) : detail;
  }
}
