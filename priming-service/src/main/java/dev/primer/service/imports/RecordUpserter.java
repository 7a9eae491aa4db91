package dev.primer.service.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.service.data.Sql;
import dev.primer.service.storable.FieldChecks;
import dev.primer.service.storable.StorableText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records by id and version: a newer version replaces the stored one (and drops its content, which
 * belonged to the old version); the same or an older version changes nothing.
 */
final class RecordUpserter implements Upserter<CrmRecord> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SQL =
      """
      INSERT INTO records (id, account_id, type, title, size_bytes, version, updated_at, related_ids)
      SELECT r.id, r.account_id, r.type, r.title, r.size_bytes, r.version, r.updated_at::timestamptz,
             ARRAY(SELECT jsonb_array_elements_text(r.related::jsonb))
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::text[], ?::text[])
           AS r(id, account_id, type, title, size_bytes, version, updated_at, related)
      ON CONFLICT (id) DO UPDATE SET
        account_id = excluded.account_id, type = excluded.type, title = excluded.title,
        size_bytes = excluded.size_bytes, version = excluded.version,
        updated_at = excluded.updated_at, related_ids = excluded.related_ids,
        sha256 = NULL, content = NULL, deleted_at = NULL
      WHERE records.version < excluded.version
      RETURNING (xmax = 0)
      """;

  @Override
  public Class<CrmRecord> type() {
    return CrmRecord.class;
  }

  /** Related ids one record may list. */
  static final int MAX_RELATED = 1_000;

  @Override
  public void check(CrmRecord r, FieldChecks checks) {
    checks
        .text("id", r.id(), StorableText.MAX_ID)
        .text("accountId", r.accountId(), StorableText.MAX_ID)
        .text("title", r.title(), StorableText.MAX_TEXT)
        .size("sizeBytes", r.sizeBytes())
        .version("version", r.version())
        .instant("updatedAt", r.updatedAt())
        .texts("relatedIds", r.relatedIds(), StorableText.MAX_ID, MAX_RELATED);
  }

  @Override
  public Counts upsert(Connection c, List<CrmRecord> batch) throws SQLException {
    // One row per id and statement: the newest version of the batch wins.
    Map<String, CrmRecord> newest = new LinkedHashMap<>();
    for (CrmRecord r : batch) {
      newest.merge(r.id(), r, (a, b) -> b.version() > a.version() ? b : a);
    }
    List<CrmRecord> rows = new ArrayList<>(newest.values());
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setArray(1, Sql.text(c, rows, CrmRecord::id));
      s.setArray(2, Sql.text(c, rows, CrmRecord::accountId));
      s.setArray(3, Sql.text(c, rows, r -> r.type().wireName()));
      s.setArray(4, Sql.text(c, rows, CrmRecord::title));
      s.setArray(5, Sql.int8(c, rows, CrmRecord::sizeBytes));
      s.setArray(6, Sql.int8(c, rows, CrmRecord::version));
      s.setArray(7, Sql.text(c, rows, r -> r.updatedAt().toString()));
      s.setArray(8, Sql.text(c, rows, r -> json(r.relatedIds())));
      long inserted = 0;
      long updated = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean(1)) {
            inserted++;
          } else {
            updated++;
          }
        }
      }
      return new Counts(inserted, updated, batch.size() - inserted - updated);
    }
  }

  private static String json(List<String> ids) {
    try {
      return JSON.writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
