package dev.primer.core.scoring;

/**
 * A bundle that would cost more to read than {@link BundleLimits} allow: a zip bomb, or too big.
 */
public class BundleLimitException extends BundleException {
  private static final long serialVersionUID = 1L;

  public BundleLimitException(String message) {
    super(message);
  }
}
