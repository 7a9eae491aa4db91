package dev.primer.protocol.client;

/**
 * An answer the client will not take: past a size limit, more lines than asked, a value that is no
 * value of its kind. The server's doing, not a passing failure: never retried.
 */
public class RefusedAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Refused, and why. */
  public RefusedAnswerException(String message) {
    super(message);
  }
}
