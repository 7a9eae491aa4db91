package dev.primer.agent.sync;

import java.time.Duration;
import java.util.Optional;

/** The service answered with an error; the message carries its problem document's detail. */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Optional<Duration> retryAfter;
  private final String problemType;

  public ServiceException(int status, String message, Optional<Duration> retryAfter) {
    this(status, message, retryAfter, "");
  }

  /** As above, with the problem document's {@code type} ("" when the answer had none). */
  public ServiceException(
      int status, String message, Optional<Duration> retryAfter, String problemType) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    this.problemType = problemType;
  }

  /** The problem document's {@code type} URI; empty when the answer carried none. */
  public String problemType() {
    return problemType;
  }

  /** The service says an administrator revoked this device: the agent must wipe its store. */
  public boolean deviceRevoked() {
    return (status == 401 || status == 410) && problemType.endsWith("/device-revoked");
  }

  /** The service says the device token has expired. */
  public boolean tokenExpired() {
    return status == 401 && problemType.endsWith("/token-expired");
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
