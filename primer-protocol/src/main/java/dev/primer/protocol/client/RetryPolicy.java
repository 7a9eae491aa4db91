package dev.primer.protocol.client;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a call again when its failure is a passing one: the service busy (429, 503 with its
 * Retry-After), a gateway between us and it (502, 504), or a connection that broke mid-answer. Any
 * other failure, and the last attempt's, goes to the caller. The one retry policy of every client
 * of the API.
 */
public final class RetryPolicy {
  /** Never wait longer than this at once, whatever Retry-After says: the night is short. */
  public static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  /** How the wait is spent; tests pass one that does not sleep. */
  public interface Sleeper {
    /** Waits {@code d}. */
    void sleep(Duration d) throws InterruptedException;
  }

  private final int attempts;
  private final Duration firstBackoff;
  private final Sleeper sleeper;

  /** {@code attempts} in all, the first wait {@code firstBackoff}, doubling after each. */
  public RetryPolicy(int attempts, Duration firstBackoff, Sleeper sleeper) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.sleeper = sleeper;
  }

  /** Four attempts, one then two then four seconds apart (or as the service asks). */
  public static RetryPolicy standard() {
    return new RetryPolicy(4, Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()));
  }

  /** One attempt: every failure goes to the caller at once. */
  public static RetryPolicy never() {
    return new RetryPolicy(1, Duration.ZERO, d -> {});
  }

  /** The call's result, after as many attempts as it takes and are allowed. */
  public <T> T call(Supplier<T> call) {
    return call(call, () -> false);
  }

  /**
   * The call's result, after as many attempts as it takes and are allowed; stops retrying once
   * {@code cancelled} says so.
   */
  public <T> T call(Supplier<T> call, BooleanSupplier cancelled) {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ServiceException e) {
        if (attempt == attempts || !passing(e.status()) || cancelled.getAsBoolean()) {
          throw e;
        }
        pause(e.retryAfter().orElse(backoff));
      } catch (UncheckedIOException e) {
        if (attempt == attempts || cancelled.getAsBoolean()) {
          throw e;
        }
        pause(backoff);
      }
      backoff = backoff.multipliedBy(2);
    }
  }

  /** Whether an answer of {@code status} is worth asking again. */
  public static boolean passing(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private void pause(Duration wanted) {
    Duration wait = wanted.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wanted;
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
