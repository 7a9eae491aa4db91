package dev.primer.agent.crypto;

import dev.primer.agent.util.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
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

  /** The key of {@code master}, 32 bytes. */
  static StoreKey of(byte[] master) {
    if (master.length != KEY_BYTES) {
      throw new IllegalStateException(
          "a store key must hold " + KEY_BYTES + " bytes, holds " + master.length);
    }
    return new StoreKey(master);
  }

  /** A fresh random key. */
  static StoreKey random() {
    byte[] fresh = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(fresh);
    return new StoreKey(fresh);
  }

  /** The master key's bytes, for a {@link KeyProtector} to seal. */
  byte[] master() {
    return master.clone();
  }

  /**
   * Reads a plain key file (base64 of the key), creating it (owner read/write only) with a fresh
   * random key if absent. Used for homes enrolled with --plain-key-file, scratch stores and tests;
   * {@link KeyFile} reads every kind.
   */
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
    writePrivate(file, Base64.getEncoder().encodeToString(key));
  }

  /** Writes {@code text} to {@code file}, created 0600 before a byte is written; never replaces. */
  static void writePrivate(Path file, String text) throws IOException {
    PrivateFiles.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent()));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PrivateFiles.file());
    Files.writeString(tmp, text, StandardOpenOption.WRITE);
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
