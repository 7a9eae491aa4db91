package dev.primer.service.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints RS256 JWTs as an identity provider would for the service: {@code iss}, {@code aud}, {@code
 * sub}, {@code groups}, {@code iat}, {@code exp}.
 *
 * @param key the signing key
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim; empty leaves the claim out
 */
public record TokenSigner(PrivateKey key, String issuer, String audience) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** A signed token for {@code user} with {@code roles}, valid from {@code now} for {@code ttl}. */
  public String mint(String user, List<String> roles, Instant now, Duration ttl) {
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", issuer);
    if (!audience.isEmpty()) {
      claims.put("aud", audience);
    }
    claims.put("sub", user);
    claims.put("upn", user);
    roles.forEach(claims.putArray("groups")::add);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(ttl).getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    return sign(claims);
  }

  /** Signs {@code claims} as they are: for the drills' tokens that lack a claim on purpose. */
  public String sign(ObjectNode claims) {
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
