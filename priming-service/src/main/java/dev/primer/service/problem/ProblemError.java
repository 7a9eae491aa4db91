package dev.primer.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: the query or body {@code field}, the NDJSON {@code line} or the
 * JSON {@code pointer} at fault, and what is wrong there. Absent parts are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String field, Integer line, String pointer, String message) {
  /** An error about a query or body field. */
  public static ProblemError field(String field, String message) {
    return new ProblemError(field, null, null, message);
  }

  /** An error about one line of an NDJSON body (numbered from 1). */
  public static ProblemError line(long line, String message) {
    return new ProblemError(null, Math.toIntExact(line), null, message);
  }

  /** An error about the part of a JSON body a JSON pointer names. */
  public static ProblemError pointer(String pointer, String message) {
    return new ProblemError(null, null, pointer, message);
  }

  /** An error about the request as a whole. */
  public static ProblemError of(String message) {
    return new ProblemError(null, null, null, message);
  }
}
