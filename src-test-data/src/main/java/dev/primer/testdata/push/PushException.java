package dev.primer.testdata.push;

import org.jspecify.annotations.Nullable;

/** A push step the service refused or could not be reached for. */
public class PushException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PushException(String message) {
    super(message);
  }

  public PushException(@Nullable String message, Throwable cause) {
    super(message, cause);
  }
}
