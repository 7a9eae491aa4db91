package dev.primer.agent.quotes;

/** A quote that cannot be priced on this device (no price list, a missing or unreadable book). */
public final class QuoteUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QuoteUnavailableException(String message) {
    super(message);
  }
}
