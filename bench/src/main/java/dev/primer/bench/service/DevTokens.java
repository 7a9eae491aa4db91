package dev.primer.bench.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The bench's tokens: RS256 JWTs signed with a PEM private key (the development key by default),
 * with the claims the service checks ({@code iss}, {@code aud}, {@code sub}, {@code upn}, {@code
 * groups}, {@code iat}, {@code exp}, {@code jti}). Signed here with the JDK, so the bench needs
 * nothing of the service's code.
 *
 * @param key the signing key
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim
 */
record DevTokens(PrivateKey key, String issuer, String audience) {
  /** The issuer the service expects unless {@code PRIMER_JWT_ISSUER} says otherwise. */
  static final String DEV_ISSUER = "https://primer.dev/issuer";

  /** The audience the service expects unless {@code PRIMER_JWT_AUDIENCE} says otherwise. */
  static final String DEFAULT_AUDIENCE = "primer";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** Tokens signed with the unencrypted PKCS#8 PEM key in {@code pem}. */
  static DevTokens fromPem(Path pem, String issuer, String audience) {
    String text;
    try {
      text = Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read private key " + pem, e);
    }
    if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          pem + " is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
    }
    String base64 =
        text.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      PrivateKey key =
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      return new DevTokens(key, issuer, audience);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(pem + " holds no readable RSA private key", e);
    }
  }

  /** A signed token for {@code user} with {@code role}, valid from now for {@code ttl}. */
  String mint(String user, String role, Duration ttl) {
    Instant now = Instant.now();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", issuer);
    claims.put("aud", audience);
    claims.put("sub", user);
    claims.put("upn", user);
    claims.putArray("groups").add(role);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(ttl).getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    try {
      String signingInput =
          B64.encodeToString(JSON.writeValueAsBytes(header))
              + "."
              + B64.encodeToString(JSON.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(rsa.sign());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
    }
  }
}
