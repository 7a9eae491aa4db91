package dev.primer.agent.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one field at a time. A value is stored as nonce (12 bytes) then ciphertext and
 * tag; the associated data binds it to its record and field, so a value copied to another row does
 * not decrypt. Thread safe: each thread keeps its own {@link Cipher}.
 */
public final class FieldCipher {
  /** Bytes added to every encrypted value: nonce and tag. */
  public static final int OVERHEAD = 12 + 16;

  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(FieldCipher::newCipher);
  private final ThreadLocal<NonceSource> nonces = ThreadLocal.withInitial(NonceSource::new);

  /**
   * Deterministic GCM nonces (NIST SP 800-38D, 8.2.1): a random 64-bit field per thread and a
   * 32-bit counter; a new random field is drawn before the counter wraps. Cheaper than asking the
   * system's random source for every value, and unique with overwhelming probability.
   */
  private static final class NonceSource {
    private static final SecureRandom RANDOM = new SecureRandom();
    private long fixed = RANDOM.nextLong();
    private int counter;

    void next(byte[] nonce) {
      if (counter == -1) {
        fixed = RANDOM.nextLong();
      }
      counter++;
      for (int i = 0; i < 8; i++) {
        nonce[i] = (byte) (fixed >>> (56 - 8 * i));
      }
      nonce[8] = (byte) (counter >>> 24);
      nonce[9] = (byte) (counter >>> 16);
      nonce[10] = (byte) (counter >>> 8);
      nonce[11] = (byte) counter;
    }
  }

  public FieldCipher(byte[] key) {
    this.key = new SecretKeySpec(Arrays.copyOf(key, 32), "AES");
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  /** Encrypts {@code plain} bound to {@code context} (e.g. "r00001/title"). */
  public byte[] encrypt(byte[] plain, String context) {
    return encrypt(plain, 0, plain.length, context.getBytes(StandardCharsets.UTF_8));
  }

  /** Encrypts a slice of {@code plain} bound to {@code aad}. */
  public byte[] encrypt(byte[] plain, int offset, int length, byte[] aad) {
    byte[] out = new byte[length + OVERHEAD];
    encrypt(plain, offset, length, aad, out);
    return out;
  }

  /**
   * Encrypts a slice of {@code plain} bound to {@code aad} into {@code out} (at least {@code length
   * + OVERHEAD} bytes), for callers that reuse one buffer; returns the bytes written.
   */
  public int encrypt(byte[] plain, int offset, int length, byte[] aad, byte[] out) {
    byte[] nonce = new byte[NONCE];
    nonces.get().next(nonce);
    try {
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      System.arraycopy(nonce, 0, out, 0, NONCE);
      return NONCE + cipher.doFinal(plain, offset, length, out, NONCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** Encrypts a UTF-8 string. */
  public byte[] encryptText(String plain, String context) {
    return encrypt(plain.getBytes(StandardCharsets.UTF_8), context);
  }

  /**
   * Decrypts what {@link #encrypt} produced; throws {@link TamperedException} if it was altered.
   */
  public byte[] decrypt(byte[] sealed, String context) {
    return decrypt(sealed, 0, sealed.length, context.getBytes(StandardCharsets.UTF_8));
  }

  /** Decrypts a slice holding nonce, ciphertext and tag. */
  public byte[] decrypt(byte[] sealed, int offset, int length, byte[] aad) {
    if (length < OVERHEAD) {
      throw new TamperedException("encrypted value too short: " + length + " bytes");
    }
    try {
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, offset + NONCE, length - NONCE);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new TamperedException("encrypted value does not authenticate (damaged or wrong key)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed", e);
    }
  }

  /** Decrypts a UTF-8 string. */
  public String decryptText(byte[] sealed, String context) {
    return new String(decrypt(sealed, context), StandardCharsets.UTF_8);
  }

  /** The associated data for chunk {@code index} of blob {@code sha256}. */
  public static byte[] chunkAad(String sha256, long index) {
    byte[] name = sha256.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(name.length + 8).put(name).putLong(index).array();
  }

  /**
   * An encrypted value that fails authentication: damaged on disk or encrypted with another key.
   */
  public static final class TamperedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TamperedException(String message) {
      super(message);
    }
  }
}
