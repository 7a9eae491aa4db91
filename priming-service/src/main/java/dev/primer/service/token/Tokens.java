package dev.primer.service.token;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;

/** The keys and defaults of the tokens the service accepts ({@link TokenSigner} mints them). */
public final class Tokens {
  /** The issuer the development set-up uses ({@code PRIMER_JWT_ISSUER} overrides it). */
  public static final String DEV_ISSUER = "https://primer.dev/issuer";

  /** The audience the service expects unless {@code PRIMER_JWT_AUDIENCE} says otherwise. */
  public static final String DEFAULT_AUDIENCE = "primer";

  private Tokens() {}

  /** Reads an unencrypted PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----"). */
  public static PrivateKey readPrivateKey(Path pem) {
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
    try {
      return KeyUtils.decodePrivateKey(text);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(pem + " holds no readable RSA private key", e);
    }
  }
}
