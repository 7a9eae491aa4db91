package dev.primer.cpq.catalogue;

/** A price book, price list or product rules document that cannot be used, and why. */
public final class CatalogueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogueException(String message) {
    super(message);
  }

  public CatalogueException(String message, Throwable cause) {
    super(message, cause);
  }
}
