package dev.primer.agent.sync;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.store.PreparedRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/** Verifies fetched content against its sha256 and encrypts and tokenises it for the store. */
public final class RecordPreparer {
  private final FieldCipher cipher;
  private final SearchTokens tokens;

  public RecordPreparer(FieldCipher cipher, SearchTokens tokens) {
    this.cipher = cipher;
    this.tokens = tokens;
  }

  /** The sha256 of {@code bytes}, lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Prepares an inline record whose content has been verified. */
  public PreparedRecord inline(FetchedLine line, String sha256, byte[] content) {
    String id = line.id();
    String text = text(content).orElse("");
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
        cipher.encryptText(String.join(",", line.relatedIds()), id + "/related"),
        tokens.document(line.title()),
        tokens.distinctDocument(text));
  }

  /** Prepares a record whose verified content is the blob file {@code sha256}. */
  public PreparedRecord blob(FetchedLine line, String sha256) {
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
        cipher.encryptText(String.join(",", line.relatedIds()), id + "/related"),
        tokens.document(line.title()),
        "");
  }

  /** The content as text when it is valid UTF-8; binary content is not indexed. */
  static Optional<String> text(byte[] content) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
