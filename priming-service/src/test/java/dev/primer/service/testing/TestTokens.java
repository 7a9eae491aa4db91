package dev.primer.service.testing;

import dev.primer.service.token.Tokens;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bearer tokens signed with the development key, as {@code bin/primer token} mints them. */
public final class TestTokens {
  private static final PrivateKey KEY = Tokens.readPrivateKey(Path.of("dev-keys/dev-private.pem"));

  private TestTokens() {}

  /** A token for {@code user} with {@code role}, valid for an hour. */
  public static String token(String user, String role) {
    return Tokens.mint(
        KEY, "https://primer.dev/issuer", user, List.of(role), Instant.now(), Duration.ofHours(1));
  }

  /** The Authorization header value for {@code user} with {@code role}. */
  public static String bearer(String user, String role) {
    return "Bearer " + token(user, role);
  }
}
