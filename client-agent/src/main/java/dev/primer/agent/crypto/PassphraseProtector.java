package dev.primer.agent.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key sealed (AES-256-GCM) under a key derived from a passphrase with
 * PBKDF2-HMAC-SHA256, a random 128-bit salt and {@value #ITERATIONS} iterations (OWASP's figure for
 * PBKDF2-HMAC-SHA256; the README gives the time it takes here). A wrong passphrase fails GCM's tag
 * check, so it is told apart from a right one without storing anything derived from it.
 */
public final class PassphraseProtector implements KeyProtector {
  /** PBKDF2 iterations for new key files. */
  public static final int ITERATIONS = 600_000;

  /** Fewer than this, or more than 100 times it, in a key file is refused (a tampered file). */
  private static final int FEWEST = 100_000;

  private static final byte[] AAD = "primer-agent store key v1".getBytes(StandardCharsets.UTF_8);

  private final Supplier<char[]> passphrase;
  private final int iterations;

  /** Asks {@code passphrase} for the passphrase when the key is sealed or opened. */
  public PassphraseProtector(Supplier<char[]> passphrase) {
    this(passphrase, ITERATIONS);
  }

  PassphraseProtector(Supplier<char[]> passphrase, int iterations) {
    this.passphrase = passphrase;
    this.iterations = iterations;
  }

  @Override
  public String kind() {
    return "passphrase";
  }

  @Override
  public Map<String, String> seal(byte[] master) {
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    SecureRandom random = new SecureRandom();
    random.nextBytes(salt);
    random.nextBytes(nonce);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, derive(salt, iterations), new GCMParameterSpec(128, nonce));
      gcm.updateAAD(AAD);
      Base64.Encoder b64 = Base64.getEncoder();
      return Map.of(
          "kdf", "PBKDF2WithHmacSHA256",
          "iterations", Integer.toString(iterations),
          "salt", b64.encodeToString(salt),
          "nonce", b64.encodeToString(nonce),
          "sealedKey", b64.encodeToString(gcm.doFinal(master)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal the store key: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] open(Map<String, String> sealed) {
    int rounds;
    try {
      rounds = Integer.parseInt(sealed.getOrDefault("iterations", ""));
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] salt = b64.decode(sealed.getOrDefault("salt", ""));
      byte[] nonce = b64.decode(sealed.getOrDefault("nonce", ""));
      byte[] key = b64.decode(sealed.getOrDefault("sealedKey", ""));
      if (!"PBKDF2WithHmacSHA256".equals(sealed.get("kdf"))
          || rounds < Math.min(FEWEST, iterations)
          || rounds > 100 * ITERATIONS
          || salt.length < 16
          || nonce.length != 12) {
        throw new IllegalStateException("the key file's passphrase parameters are not valid");
      }
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, derive(salt, rounds), new GCMParameterSpec(128, nonce));
      gcm.updateAAD(AAD);
      return gcm.doFinal(key);
    } catch (AEADBadTagException e) {
      throw new WrongKeyException("wrong passphrase: it does not open the store key");
    } catch (NumberFormatException e) {
      throw new IllegalStateException("the key file's passphrase parameters are not valid", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the key file is damaged (not base64)", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open the store key: " + e.getMessage(), e);
    }
  }

  private SecretKeySpec derive(byte[] salt, int rounds) throws GeneralSecurityException {
    char[] secret = passphrase.get();
    PBEKeySpec spec = new PBEKeySpec(secret, salt, rounds, 256);
    try {
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return new SecretKeySpec(key, "AES");
    } finally {
      spec.clearPassword();
      Arrays.fill(secret, '\0');
    }
  }
}
