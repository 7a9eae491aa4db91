package dev.primer.service.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Mints RS256 JWTs as an identity provider would for the service, with SmallRye JWT's builder:
 * {@code iss}, {@code aud}, {@code sub}, {@code upn}, {@code groups}, {@code iat}, {@code exp},
 * {@code jti}.
 *
 * @param key the signing key
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim; empty leaves the claim out
 */
public record TokenSigner(PrivateKey key, String issuer, String audience) {
  /** A signed token for {@code user} with {@code roles}, valid from {@code now} for {@code ttl}. */
  public String mint(String user, List<String> roles, Instant now, Duration ttl) {
    JwtClaimsBuilder claims = Jwt.issuer(issuer);
    if (!audience.isEmpty()) {
      claims.audience(audience);
    }
    // The builder adds a random jti; a LinkedHashSet keeps the roles in the order asked.
    return claims
        .subject(user)
        .upn(user)
        .groups(new LinkedHashSet<>(roles))
        .issuedAt(now)
        .expiresAt(now.plus(ttl))
        .sign(key);
  }

  /**
   * Signs {@code claims} exactly as they are, for the drills' tokens that lack a claim on purpose.
   * SmallRye's builder would add the {@code iat}, {@code exp} and {@code jti} they leave out, so
   * this signs with jose4j, the library under it.
   */
  public String sign(ObjectNode claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    jws.setPayload(claims.toString());
    jws.setKey(key);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
    }
  }
}
