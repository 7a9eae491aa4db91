package dev.primer.service.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Refuses to start without a token verification key, and warns when the key is the public
 * development one: the service has no default key, so a production deployment can never trust
 * tokens anyone with the repository can mint.
 */
@ApplicationScoped
public class VerificationKeyCheck {
  static final String LOCATION = "mp.jwt.verify.publickey.location";
  static final String INLINE = "mp.jwt.verify.publickey";

  /** What application.properties puts in {@link #LOCATION} when PRIMER_JWT_PUBLIC_KEY is unset. */
  static final String UNSET = "unset:PRIMER_JWT_PUBLIC_KEY";

  /** SHA-256 of the DER of {@code dev-keys/dev-public.pem}, the checked-in development key. */
  static final String DEV_KEY_SHA256 =
      "38cb841e5e162fd910c2293ee46edce3934b77603841a26485c3d70177b43b58";

  private static final Logger LOG = Logger.getLogger(VerificationKeyCheck.class);

  private final Config config;

  VerificationKeyCheck(Config config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    Optional<String> location =
        config.getOptionalValue(LOCATION, String.class).filter(l -> !l.equals(UNSET));
    Optional<String> inline = config.getOptionalValue(INLINE, String.class);
    if (location.isEmpty() && inline.isEmpty()) {
      throw new IllegalStateException(
          "no token verification key: set PRIMER_JWT_PUBLIC_KEY to the PEM file (or JWKS URL) of"
              + " your identity provider's public key; the service does not start without one");
    }
    Optional<String> pem = inline.or(() -> location.flatMap(VerificationKeyCheck::readLocal));
    if (pem.isPresent() && isDevelopmentKey(pem.get())) {
      LOG.warn(
          "tokens are verified with the PUBLIC DEVELOPMENT KEY: anyone with the repository can"
              + " mint them; set PRIMER_JWT_PUBLIC_KEY to your identity provider's key in"
              + " production");
    }
  }

  /** Whether {@code pem} holds the checked-in development public key. */
  static boolean isDevelopmentKey(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(body);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
      return sha.equals(DEV_KEY_SHA256);
    } catch (IllegalArgumentException e) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The key at a file or classpath {@code location}; empty for a URL (a JWKS endpoint is an
   * identity provider's, never the development key). A named file that is missing stops the start.
   */
  private static Optional<String> readLocal(String location) {
    if (location.startsWith("http:") || location.startsWith("https:")) {
      return Optional.empty();
    }
    String name = location.startsWith("file:") ? location.substring(5) : location;
    Path file = Path.of(name);
    try {
      if (Files.isRegularFile(file)) {
        return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
      }
      String resource = name.startsWith("classpath:") ? name.substring(10) : name;
      try (InputStream in =
          Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
        if (in != null) {
          return Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "PRIMER_JWT_PUBLIC_KEY names " + location + ", which cannot be read: " + e.getMessage(),
          e);
    }
    throw new IllegalStateException(
        "PRIMER_JWT_PUBLIC_KEY names " + location + ", which does not exist");
  }
}
