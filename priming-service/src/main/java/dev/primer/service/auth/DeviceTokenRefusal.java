package dev.primer.service.auth;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;
import java.util.Optional;

/**
 * A device token that no longer works, with the reason the device is told: {@code device-revoked}
 * (an admin revoked it: the device must wipe its store) or {@code token-expired} (enrol again).
 * Carried as an attribute of Quarkus's (final) AuthenticationFailedException.
 */
public final class DeviceTokenRefusal {
  private static final String SLUG = "primer.problem";

  private DeviceTokenRefusal() {}

  /** The failure for a device token whose device an admin revoked. */
  public static AuthenticationFailedException revoked(String detail) {
    return new AuthenticationFailedException(detail, Map.of(SLUG, "device-revoked"));
  }

  /** The failure for an expired device token. */
  public static AuthenticationFailedException expired(String detail) {
    return new AuthenticationFailedException(detail, Map.of(SLUG, "token-expired"));
  }

  /** The problem type slug of a refused device token; empty for any other failure. */
  public static Optional<String> slugOf(AuthenticationFailedException e) {
    return Optional.ofNullable(e.<String>getAttribute(SLUG));
  }
}
