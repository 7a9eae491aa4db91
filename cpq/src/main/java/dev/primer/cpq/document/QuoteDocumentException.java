package dev.primer.cpq.document;

/** A quote template that cannot be filled or laid out, and why. */
public final class QuoteDocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QuoteDocumentException(String message, Throwable cause) {
    super(message, cause);
  }

  public QuoteDocumentException(String message) {
    super(message);
  }
}
