package dev.primer.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.service.token.TokenSigner;
import dev.primer.service.token.Tokens;
import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/** Tokens as bin/primer token mints them, and the forged and expired ones attackers bring. */
final class DevTokens {
  static final String ISSUER = Tokens.DEV_ISSUER;
  static final PrivateKey DEV_KEY =
      Tokens.readPrivateKey(Repo.root().resolve("priming-service/dev-keys/dev-private.pem"));
  private static final TokenSigner DEV = new TokenSigner(DEV_KEY, ISSUER, Tokens.DEFAULT_AUDIENCE);

  private DevTokens() {}

  static String of(String user, String role) {
    return withRoles(user, List.of(role));
  }

  static String withRoles(String user, List<String> roles) {
    return DEV.mint(user, roles, Instant.now(), Duration.ofHours(2));
  }

  static String expired(String user, String role) {
    return DEV.mint(
        user, List.of(role), Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
  }

  static String wrongIssuer(String user, String role) {
    return new TokenSigner(DEV_KEY, "https://evil.example/", Tokens.DEFAULT_AUDIENCE)
        .mint(user, List.of(role), Instant.now(), Duration.ofHours(1));
  }

  /** Signed with the trusted key, but for another service's audience. */
  static String foreignAudience(String user, String role) {
    return new TokenSigner(DEV_KEY, ISSUER, "https://crm.example/api")
        .mint(user, List.of(role), Instant.now(), Duration.ofHours(1));
  }

  /** Signed with the trusted key, with no audience at all. */
  static String noAudience(String user, String role) {
    return new TokenSigner(DEV_KEY, ISSUER, "")
        .mint(user, List.of(role), Instant.now(), Duration.ofHours(1));
  }

  /** Signed with the trusted key and valid now, but issued for a year: past any lifetime cap. */
  static String yearLong(String user, String role) {
    return DEV.mint(user, List.of(role), Instant.now(), Duration.ofDays(365));
  }

  /** A valid token's claims without {@code iat}: its lifetime cannot be checked. */
  static String withoutIssuedAt(String user, String role) {
    ObjectNode claims = new ObjectMapper().createObjectNode();
    claims.put("iss", ISSUER).put("aud", Tokens.DEFAULT_AUDIENCE).put("sub", user);
    claims.putArray("groups").add(role);
    claims.put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
    return DEV.sign(claims);
  }

  /** Well formed and signed, but by a key the service never trusted. */
  static String forged(String user, String role) {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      return new TokenSigner(rsa.generateKeyPair().getPrivate(), ISSUER, Tokens.DEFAULT_AUDIENCE)
          .mint(user, List.of(role), Instant.now(), Duration.ofHours(1));
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
      ObjectNode claims =
          (ObjectNode) new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
      change.accept(claims);
      return DEV.sign(claims);
    } catch (IOException e) {
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
