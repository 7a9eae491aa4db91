package dev.primer.core.scoring;

/** A model bundle that cannot be used: corrupt, foreign, or made for other features. */
public class BundleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
