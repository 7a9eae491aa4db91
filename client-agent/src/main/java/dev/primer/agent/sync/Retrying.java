package dev.primer.agent.sync;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a request again when the failure is a passing one: the service busy (429, 503 with its
 * Retry-After), a gateway between us and it (502, 504), or a connection that broke mid-answer. Any
 * other failure, and the last attempt's, goes to the caller.
 */
final class Retrying {
  /** Never wait longer than this at once, whatever Retry-After says: the night is short. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  /** How the wait is spent; tests pass one that does not sleep. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final int attempts;
  private final Duration firstBackoff;
  private final Sleeper sleeper;

  Retrying(int attempts, Duration firstBackoff, Sleeper sleeper) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.sleeper = sleeper;
  }

  /** Four attempts, one then two then four seconds apart (or as the service asks). */
  static Retrying standard() {
    return new Retrying(4, Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * The call's result, after as many attempts as it takes and are allowed; stops when cancelled.
   */
  <T> T call(Supplier<T> call, CancelSignal cancel) {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ServiceException e) {
        if (attempt == attempts || !passing(e.status()) || cancel.cancelled()) {
          throw e;
        }
        pause(e.retryAfter().orElse(backoff));
      } catch (UncheckedIOException e) {
        if (attempt == attempts || cancel.cancelled()) {
          throw e;
        }
        pause(backoff);
      }
      backoff = backoff.multipliedBy(2);
    }
  }

  static boolean passing(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private void pause(Duration wanted) {
    Duration wait = wanted.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wanted;
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sync interrupted", e);
    }
  }
}
