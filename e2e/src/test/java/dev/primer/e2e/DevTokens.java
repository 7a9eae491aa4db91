package dev.primer.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.service.token.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

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

  /**
   * Signed with the trusted key and otherwise well formed, but naming nobody: without {@code sub}
   * and {@code upn}, without {@code sub} but with {@code upn} (the principal then has a name and
   * still no subject), and with a blank {@code sub}.
   */
  static List<String> withoutSubject(String role) {
    return List.of(
        resigned(role, c -> c.without(List.of("sub", "upn"))),
        resigned(role, c -> c.remove("sub")),
        resigned(role, c -> c.put("sub", "").put("upn", "")),
        resigned(role, c -> c.put("sub", " ")));
  }

  /** A token for {@code role} whose claims {@code change} edits before it is signed again. */
  private static String resigned(String role, Consumer<ObjectNode> change) {
    String[] parts = of("nobody", role).split("\\.");
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
      change.accept(claims);
      String input =
          parts[0]
              + "."
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(json.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(DEV_KEY);
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot mint a token without sub", e);
    }
  }

  /** {@code alg: none}, no signature. */
  static String unsigned(String user, String role) {
    String[] parts = of(user, role).split("\\.");
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
    return header + "." + parts[1] + ".";
  }
}
