package dev.primer.protocol.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: the query or body {@code field}, the NDJSON {@code line} or the
 * JSON {@code pointer} at fault, and what is wrong there. Absent parts are left out of the JSON (a
 * line of 0 is none).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ProblemError(String field, int line, String pointer, String message) {
  public ProblemError {
    field = field == null ? "" : field;
    pointer = pointer == null ? "" : pointer;
    message = message == null ? "" : message;
  }

  /** An error about a query or body field. */
  public static ProblemError field(String field, String message) {
    return new ProblemError(field, 0, "", message);
  }

  /** An error about one line of an NDJSON body (numbered from 1). */
  public static ProblemError line(long line, String message) {
    return new ProblemError("", Math.toIntExact(line), "", message);
  }

  /** An error about the part of a JSON body a JSON pointer names. */
  public static ProblemError pointer(String pointer, String message) {
    return new ProblemError("", 0, pointer, message);
  }

  /** An error about the request as a whole. */
  public static ProblemError of(String message) {
    return new ProblemError("", 0, "", message);
  }
}
