package dev.primer.agent.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The device's master key, kept in its own file beside (never inside) the store. Two sub-keys are
 * derived from it: one encrypts fields, one hashes search tokens, so neither use weakens the other.
 */
public final class StoreKey {
  private static final int KEY_BYTES = 32;

  private final byte[] master;

  private StoreKey(byte[] master) {
    this.master = master.clone();
  }

  /** Reads the key file, creating it (owner read/write only) with a fresh random key if absent. */
  public static StoreKey loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        write(file, fresh);
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
      if (key.length != KEY_BYTES) {
        throw new IllegalStateException(
            "key file " + file + " must hold " + KEY_BYTES + " bytes, holds " + key.length);
      }
      return new StoreKey(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("key file " + file + " is not base64", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + file, e);
    }
  }

  private static void write(Path file, byte[] key) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, Base64.getEncoder().encodeToString(key), StandardOpenOption.WRITE);
    try {
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(tmp);
    }
  }

  /** The AES-256 key for field and blob encryption. */
  public byte[] encryptionKey() {
    return derive("primer-agent field encryption v1");
  }

  /** The HMAC key for search tokens. */
  public byte[] tokenKey() {
    return derive("primer-agent search tokens v1");
  }

  private byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
