package dev.primer.e2e;

import dev.primer.service.token.Tokens;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Tokens as bin/primer token mints them, and the forged and expired ones attackers bring. */
final class DevTokens {
  static final String ISSUER = "https://primer.dev/issuer";
  private static final PrivateKey DEV_KEY =
      Tokens.readPrivateKey(Repo.root().resolve("priming-service/dev-keys/dev-private.pem"));

  private DevTokens() {}

  static String of(String user, String role) {
    return withRoles(user, List.of(role));
  }

  static String withRoles(String user, List<String> roles) {
    return Tokens.mint(DEV_KEY, ISSUER, user, roles, Instant.now(), Duration.ofHours(2));
  }

  static String expired(String user, String role) {
    return Tokens.mint(
        DEV_KEY,
        ISSUER,
        user,
        List.of(role),
        Instant.now().minus(Duration.ofHours(3)),
        Duration.ofHours(1));
  }

  static String wrongIssuer(String user, String role) {
    return Tokens.mint(
        DEV_KEY, "https://evil.example/", user, List.of(role), Instant.now(), Duration.ofHours(1));
  }

  /** Well formed and signed, but by a key the service never trusted. */
  static String forged(String user, String role) {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      return Tokens.mint(
          rsa.generateKeyPair().getPrivate(),
          ISSUER,
          user,
          List.of(role),
          Instant.now(),
          Duration.ofHours(1));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A real token with its payload swapped for one claiming other roles (signature now wrong). */
  static String tampered(String user, String role, String claimedRole) {
    String genuine = of(user, role);
    String other = of(user, claimedRole);
    String[] g = genuine.split("\\.");
    String[] o = other.split("\\.");
    return g[0] + "." + o[1] + "." + g[2];
  }

  /** {@code alg: none}, no signature. */
  static String unsigned(String user, String role) {
    String[] parts = of(user, role).split("\\.");
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
    return header + "." + parts[1] + ".";
  }
}
