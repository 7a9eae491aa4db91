package dev.primer.agent.sync;

import java.time.Duration;
import java.util.Optional;

/** The service answered with an error; the message carries its problem document's detail. */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Optional<Duration> retryAfter;

  public ServiceException(int status, String message, Optional<Duration> retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** How long the service asked us to wait (429/503 with Retry-After). */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
