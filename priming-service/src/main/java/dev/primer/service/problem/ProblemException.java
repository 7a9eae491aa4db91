package dev.primer.service.problem;

import dev.primer.protocol.problem.ProblemError;
import java.util.List;

/**
 * A request the service refuses, answered as an RFC 9457 problem document.
 *
 * @param type a slug; the document's type becomes {@code https://primer.dev/problems/<slug>}
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient List<ProblemError> errors;

  public ProblemException(
      int status, String type, String title, String detail, List<ProblemError> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  /** 400: the request is malformed; {@code field} names the bad query or body field. */
  public static ProblemException badRequest(String type, String field, String message) {
    return new ProblemException(
        400,
        type,
        "Bad request",
        field + ": " + message,
        List.of(ProblemError.field(field, message)));
  }

  /** 404: there is no such thing (or the caller may not know it exists). */
  public static ProblemException notFound(String what, String id) {
    return new ProblemException(404, "not-found", "Not found", "no " + what + " '" + id + "'");
  }

  /** 413: the body is larger than the endpoint accepts. */
  public static ProblemException tooLarge(String what, long limitBytes) {
    return new ProblemException(
        413,
        "payload-too-large",
        "Payload too large",
        what + " is larger than the limit of " + limitBytes + " bytes");
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The problem type slug. */
  public String type() {
    return type;
  }

  /** The short, human-readable summary of the problem type. */
  public String title() {
    return title;
  }

  /** What exactly is wrong with this request. */
  public String detail() {
    return getMessage();
  }

  /** The fields, lines or pointers at fault; may be empty. */
  public List<ProblemError> errors() {
    return errors;
  }
}
