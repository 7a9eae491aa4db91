package dev.primer.agent.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.agent.crypto.FieldCipher;
import dev.primer.protocol.records.RecordField;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The service's copy of each record's editable fields ({@code record_fields}), title and fields
 * sealed. A row is only ever replaced by one of the same or a higher record version, so a slow
 * fetch never undoes a newer one. A newer copy settles no review: the service says which it still
 * holds open ({@code GET /v1/devices/{id}/reviews}), whatever became of the record.
 */
final class RecordFields {
  static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<RecordField>> FIELD_LIST = new TypeReference<>() {};

  private final Jdbc jdbc;
  private final FieldCipher cipher;

  RecordFields(Jdbc jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** The fields held for {@code recordId}. */
  Optional<StoredFields> get(String recordId) {
    return jdbc
        .query(
            "SELECT record_id, version, type, account_id, title, fields FROM record_fields"
                + " WHERE record_id = ?",
            List.of(recordId),
            rs -> {
              String id = rs.getString(1);
              return new StoredFields(
                  id,
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  cipher.decryptText(rs.getBytes(5), id + "/f.title"),
                  fields(cipher.decryptText(rs.getBytes(6), id + "/fields")));
            })
        .stream()
        .findFirst();
  }

  /** Writes {@code records} in one transaction. */
  void put(List<StoredFields> records) {
    if (!records.isEmpty()) {
      jdbc.inWriteTransaction(() -> putInTransaction(records));
    }
  }

  /** Writes {@code records} inside the caller's transaction, each only over an older version. */
  void putInTransaction(List<StoredFields> records) throws SQLException {
    try (PreparedStatement p =
        jdbc.prepare(
            "INSERT INTO record_fields (record_id, version, type, account_id, title, fields)"
                + " VALUES (?,?,?,?,?,?) ON CONFLICT (record_id) DO UPDATE SET"
                + " version = excluded.version, type = excluded.type,"
                + " account_id = excluded.account_id, title = excluded.title,"
                + " fields = excluded.fields WHERE excluded.version >= record_fields.version")) {
      for (StoredFields r : records) {
        p.setString(1, r.recordId());
        p.setLong(2, r.version());
        p.setString(3, r.type());
        p.setString(4, r.accountId());
        p.setBytes(5, cipher.encryptText(r.title(), r.recordId() + "/f.title"));
        p.setBytes(6, cipher.encryptText(json(r.fields()), r.recordId() + "/fields"));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /**
   * Staged records whose content is held but whose fields are missing or older than the manifest's
   * version: a field change raises the version and leaves the content (and its hash) as it was.
   */
  List<String> staleInStaged() {
    return jdbc.query(
        "SELECT s.record_id FROM staged_manifest s"
            + " JOIN content c ON c.record_id = s.record_id AND c.sha256 = s.sha256"
            + " LEFT JOIN record_fields f ON f.record_id = s.record_id"
            + " WHERE f.record_id IS NULL OR f.version < s.version ORDER BY s.rank",
        List.of(),
        rs -> rs.getString(1));
  }

  private static String json(List<RecordField> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write fields", e);
    }
  }

  private static List<RecordField> fields(String json) {
    try {
      return JSON.readValue(json, FIELD_LIST);
    } catch (JsonProcessingException e) {
      throw new StoreException("a record's stored fields are not readable", e);
    }
  }
}
