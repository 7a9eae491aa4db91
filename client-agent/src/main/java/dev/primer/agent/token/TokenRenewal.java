package dev.primer.agent.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the agent renews its device token: once less than the larger of seven days and a third of
 * the token's lifetime is left (a 30-day token in its last 10 days; a token of a week or less at
 * every sync). Seven days cover a rep away for a week; a third covers long lifetimes. An expired
 * token is not renewed: the service refuses it, and the rep must enrol again.
 */
public final class TokenRenewal {
  /** The least time left that never triggers a renewal by itself. */
  public static final Duration MIN_WINDOW = Duration.ofDays(7);

  private TokenRenewal() {}

  /**
   * The renewal window for a token issued at {@code issuedAt} (when known) expiring at {@code
   * expiresAt}.
   */
  public static Duration window(Optional<Instant> issuedAt, Instant expiresAt) {
    Duration third =
        issuedAt.map(i -> Duration.between(i, expiresAt).dividedBy(3)).orElse(Duration.ZERO);
    return third.compareTo(MIN_WINDOW) > 0 ? third : MIN_WINDOW;
  }

  /** Whether a token expiring at {@code expiresAt} is to be renewed at {@code now}. */
  public static boolean due(Instant now, Optional<Instant> issuedAt, Instant expiresAt) {
    return now.isBefore(expiresAt)
        && Duration.between(now, expiresAt).compareTo(window(issuedAt, expiresAt)) < 0;
  }
}
