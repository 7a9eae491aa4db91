package dev.primer.protocol.client;

import dev.primer.protocol.problem.ProblemDocument;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service answered with an error; the message carries its problem document's detail. */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Optional<Duration> retryAfter;
  private final transient ProblemDocument problem;

  /** An error answer of {@code status} without a problem document. */
  public ServiceException(int status, String message, Optional<Duration> retryAfter) {
    this(status, message, retryAfter, ProblemDocument.of("", "", status, "", "", List.of()));
  }

  /** An error answer of {@code status} and its problem document. */
  public ServiceException(
      int status, String message, Optional<Duration> retryAfter, ProblemDocument problem) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }

  /** The problem document the answer carried (its detail is the body text when not JSON). */
  public ProblemDocument problem() {
    return problem;
  }

  /** The service says an administrator revoked this device: the agent must wipe its store. */
  public boolean deviceRevoked() {
    return (status == 401 || status == 410) && problem.is(ProblemDocument.DEVICE_REVOKED);
  }

  /** The service says the device token has expired. */
  public boolean tokenExpired() {
    return status == 401 && problem.is(ProblemDocument.TOKEN_EXPIRED);
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
