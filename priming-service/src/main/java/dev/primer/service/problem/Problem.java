package dev.primer.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The RFC 9457 problem document every error answer carries ({@code application/problem+json}).
 *
 * @param errorId only for unexpected failures: the id under which the server logged the cause
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<ProblemError> errors,
    String errorId) {
  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The prefix of every problem type URI. */
  public static final String TYPE_PREFIX = "https://primer.dev/problems/";

  /** A problem document for {@code slug}. */
  public static Problem of(
      String slug,
      String title,
      int status,
      String detail,
      String instance,
      List<ProblemError> errors) {
    return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, errors, null);
  }
}
