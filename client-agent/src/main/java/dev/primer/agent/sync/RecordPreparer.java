package dev.primer.agent.sync;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.store.PreparedRecord;
import dev.primer.agent.store.StoredFields;
import dev.primer.protocol.records.RecordLine;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Verifies fetched content against its sha256 and encrypts it for the store. */
public final class RecordPreparer {
  private final FieldCipher cipher;

  public RecordPreparer(FieldCipher cipher) {
    this.cipher = cipher;
  }

  /** The sha256 of {@code bytes}, lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The editable fields a records:fetch line carries, for the store. */
  public static StoredFields fields(RecordLine line) {
    return new StoredFields(
        line.id(), line.version(), line.type(), line.accountId(), line.title(), line.fields());
  }

  /** Prepares an inline record whose content has been verified. */
  public PreparedRecord inline(RecordLine line, String sha256, byte[] content) {
    String id = line.id();
    return new PreparedRecord(
        id,
        sha256,
        line.version(),
        line.accountId(),
        line.type(),
        line.updatedAt(),
        content.length,
        cipher.encryptText(line.title(), id + "/title"),
        cipher.encrypt(content, id + "/body"),
        false,
        cipher.encryptText(String.join(",", line.relatedIds()), id + "/related"));
  }

  /** Prepares a record whose verified content is the blob file {@code sha256}. */
  public PreparedRecord blob(RecordLine line, String sha256) {
    String id = line.id();
    return new PreparedRecord(
        id,
        sha256,
        line.version(),
        line.accountId(),
        line.type(),
        line.updatedAt(),
        line.sizeBytes(),
        cipher.encryptText(line.title(), id + "/title"),
        new byte[0],
        true,
        cipher.encryptText(String.join(",", line.relatedIds()), id + "/related"));
  }
}
