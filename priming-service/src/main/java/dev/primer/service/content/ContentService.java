package dev.primer.service.content;

import dev.primer.protocol.problem.ProblemError;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.upload.BoundedInput;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * Stores a record's content: up to {@value #INLINE_MAX} bytes inline in the records table, larger
 * content in the blob store. The content must be exactly the record's {@code sizeBytes} long.
 */
@ApplicationScoped
public class ContentService {
  /** Content up to this size is stored (and served) inline. */
  public static final int INLINE_MAX = 64 * 1024;

  private final AgroalDataSource db;
  private final BlobStore blobs;
  private final PrimerConfig config;
  private final ContentChanges changes;

  ContentService(
      AgroalDataSource db, BlobStore blobs, PrimerConfig config, ContentChanges changes) {
    this.db = db;
    this.blobs = blobs;
    this.config = config;
    this.changes = changes;
  }

  /**
   * Stores {@code body} as the content of record {@code id}.
   *
   * @param declaredLength the Content-Length, or -1 when the body is chunked
   */
  public ContentAnswer store(String id, InputStream body, long declaredLength) {
    long limit = config.limits().content().asLongValue();
    if (declaredLength > limit) {
      throw ProblemException.tooLarge("the content of record " + id, limit);
    }
    if (declaredLength >= 0 && declaredLength <= INLINE_MAX) {
      // The common case, small content of a known length: one statement checks and stores it.
      byte[] bytes = readInline(id, body, declaredLength);
      String sha256 = HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
      OptionalLong version = saveIfSize(id, declaredLength, sha256, bytes);
      if (version.isPresent()) {
        changes.stored();
        return new ContentAnswer(id, version.getAsLong(), sha256, declaredLength);
      }
      RecordSize record = record(id);
      if (record.sizeBytes() > limit) {
        throw ProblemException.tooLarge("the content of record " + id, limit);
      }
      throw sizeMismatch(id, record.sizeBytes(), declaredLength);
    }
    RecordSize record = record(id);
    long expected = record.sizeBytes();
    if (expected > limit) {
      throw ProblemException.tooLarge("the content of record " + id, limit);
    }
    if (declaredLength >= 0 && declaredLength != expected) {
      throw sizeMismatch(id, expected, declaredLength);
    }
    String sha256;
    if (expected <= INLINE_MAX) {
      byte[] bytes = readInline(id, body, expected);
      sha256 = HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
      save(id, record.version(), sha256, bytes);
    } else {
      BlobInfo blob;
      try {
        blob = blobs.put(body, expected);
      } catch (ProblemException e) {
        if (e.status() == 413) {
          throw sizeMismatch(id, expected, expected + 1);
        }
        throw e;
      }
      if (blob.size() != expected) {
        throw sizeMismatch(id, expected, blob.size());
      }
      sha256 = blob.sha256();
      save(id, record.version(), sha256, null);
    }
    changes.stored();
    return new ContentAnswer(id, record.version(), sha256, expected);
  }

  private byte[] readInline(String id, InputStream body, long expected) {
    try {
      // One byte more than expected tells a too-long body from an exact one.
      byte[] bytes =
          BoundedInput.of(body, expected + 1, "the content").readNBytes((int) expected + 1);
      if (bytes.length != expected) {
        throw sizeMismatch(id, expected, bytes.length);
      }
      return bytes;
    } catch (ProblemException e) {
      throw e.status() == 413 ? sizeMismatch(id, expected, expected + 1) : e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the content of " + id, e);
    }
  }

  private static ProblemException sizeMismatch(String id, long expected, long actual) {
    String detail =
        "record "
            + id
            + " has sizeBytes "
            + expected
            + " but the content is "
            + (actual > expected ? "longer" : actual + " bytes");
    return new ProblemException(
        422,
        "content-size-mismatch",
        "Content size differs from the record",
        detail,
        List.of(ProblemError.field("sizeBytes", detail)));
  }

  private record RecordSize(long sizeBytes, long version) {}

  private RecordSize record(String id) {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT size_bytes, version FROM records WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw ProblemException.notFound("record", id);
        }
        return new RecordSize(rs.getLong(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read record " + id, e);
    }
  }

  /**
   * Stores content when the record exists with exactly this size; answers its version, or empty
   * when the record is missing or of another size.
   */
  private OptionalLong saveIfSize(String id, long size, String sha256, byte[] inline) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = db.getConnection();
                  PreparedStatement u =
                      c.prepareStatement(
                          "UPDATE records SET sha256 = ?, content = ?"
                              + " WHERE id = ? AND size_bytes = ? RETURNING version")) {
                relaxCommit(c);
                u.setString(1, sha256);
                u.setBytes(2, inline);
                u.setString(3, id);
                u.setLong(4, size);
                try (ResultSet rs = u.executeQuery()) {
                  return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
              }
            });
  }

  private void save(String id, long version, String sha256, byte[] inline) {
    boolean saved =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  try (Connection c = db.getConnection();
                      PreparedStatement u =
                          c.prepareStatement(
                              "UPDATE records SET sha256 = ?, content = ? WHERE id = ? AND version = ?")) {
                    relaxCommit(c);
                    u.setString(1, sha256);
                    u.setBytes(2, inline);
                    u.setString(3, id);
                    u.setLong(4, version);
                    return u.executeUpdate() > 0;
                  }
                });
    if (!saved) {
      throw new ProblemException(
          409,
          "record-changed",
          "Record changed",
          "record " + id + " got a new version while its content was uploaded; upload again");
    }
  }

  /**
   * Content commits do not wait for the WAL flush: bulk loads upload hundreds of thousands of
   * records, one commit each. A crash can forget the last fraction of a second of uploads, which
   * then have no sha256 and are simply uploaded again (uploads are idempotent).
   */
  private static void relaxCommit(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL synchronous_commit TO OFF");
    }
  }
}
