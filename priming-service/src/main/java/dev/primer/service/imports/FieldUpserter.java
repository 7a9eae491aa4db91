package dev.primer.service.imports;

import dev.primer.protocol.edits.FieldUpdate;
import dev.primer.service.edits.FieldNames;
import dev.primer.service.storable.FieldChecks;
import dev.primer.service.storable.StorableInstant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The back office's record fields ({@code POST /v1/import/fields}): each line names some fields of
 * one record. Only a field whose value differs gets a new field version (and raises the record's
 * version devices see); the record's other fields, and a rep's pending edit of them, are untouched.
 */
final class FieldUpserter implements Upserter<FieldUpdate> {
  private static final String SQL =
      """
      WITH input AS (
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[])
          AS i(record_id, field, value, changed_at)),
      written AS (
        INSERT INTO record_fields (record_id, field, value, version, changed_at, source)
        SELECT record_id, field, value, 1, changed_at, 'import' FROM input
        ON CONFLICT (record_id, field) DO UPDATE SET
          value = excluded.value, version = record_fields.version + 1,
          changed_at = excluded.changed_at, source = 'import',
          device_id = NULL, seq = NULL, op_id = NULL
        WHERE record_fields.value IS DISTINCT FROM excluded.value
        RETURNING record_id, (xmax = 0) AS inserted),
      bumped AS (
        UPDATE records r SET fields_revision = r.fields_revision + w.n, updated_at = now()
        FROM (SELECT record_id, count(*) AS n FROM written GROUP BY record_id) w
        WHERE r.id = w.record_id
        RETURNING r.id)
      SELECT count(*) FILTER (WHERE NOT some_updated), count(*) FILTER (WHERE some_updated),
             (SELECT count(*) FROM bumped)
      FROM (SELECT record_id, bool_or(NOT inserted) AS some_updated FROM written
            GROUP BY record_id) per_record
      """;

  @Override
  public Class<FieldUpdate> type() {
    return FieldUpdate.class;
  }

  @Override
  public void check(FieldUpdate u, FieldChecks checks) {
    checks.text("recordId", u.recordId(), dev.primer.service.storable.StorableText.MAX_ID);
    if (u.recordId().isEmpty()) {
      checks.problem("recordId", "is missing");
    }
    if (u.fields().isEmpty()) {
      checks.problem("fields", "names no field");
    }
    for (Map.Entry<String, String> f : u.fields().entrySet()) {
      if (!FieldNames.valid(f.getKey())) {
        checks.problem(
            "fields", "'" + f.getKey() + "' is no field name (a-z, 0-9 and -, up to 64)");
      } else if (f.getValue() == null) {
        checks.problem("fields." + f.getKey(), "is null; an empty string is no value");
      } else {
        checks.text("fields." + f.getKey(), f.getValue(), FieldNames.MAX_VALUE);
      }
    }
    if (!u.changedAt().isEmpty()) {
      try {
        StorableInstant.problem(OffsetDateTime.parse(u.changedAt()))
            .ifPresent(p -> checks.problem("changedAt", p));
      } catch (DateTimeParseException e) {
        checks.problem("changedAt", "must be an ISO date-time, was '" + u.changedAt() + "'");
      }
    }
  }

  /**
   * Counts records, as the other imports count lines: inserted when every field written was new,
   * updated when one had a value before, unchanged when nothing differed (or a later line of the
   * batch named the same record).
   */
  @Override
  public Counts upsert(Connection c, List<FieldUpdate> batch) throws SQLException {
    // The last line of a batch wins for a field; records locked in id order, as edit batches do.
    Map<String, String[]> rows = new LinkedHashMap<>();
    TreeSet<String> ids = new TreeSet<>();
    Instant now = Instant.now();
    for (FieldUpdate u : batch) {
      ids.add(u.recordId());
      String at =
          u.changedAt().isEmpty() ? now.toString() : OffsetDateTime.parse(u.changedAt()).toString();
      u.fields()
          .forEach(
              (f, v) ->
                  rows.put(u.recordId() + "\u0000" + f, new String[] {u.recordId(), f, v, at}));
    }
    TreeSet<String> missing = new TreeSet<>(ids);
    try (PreparedStatement lock =
        c.prepareStatement("SELECT id FROM records WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
      lock.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = lock.executeQuery()) {
        while (rs.next()) {
          missing.remove(rs.getString(1));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new SQLException("record " + missing.first() + " does not exist");
    }
    List<String[]> list = new ArrayList<>(rows.values());
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setArray(1, c.createArrayOf("text", list.stream().map(r -> r[0]).toArray()));
      s.setArray(2, c.createArrayOf("text", list.stream().map(r -> r[1]).toArray()));
      s.setArray(3, c.createArrayOf("text", list.stream().map(r -> r[2]).toArray()));
      s.setArray(
          4,
          c.createArrayOf(
              "timestamptz",
              list.stream()
                  .map(r -> Timestamp.from(OffsetDateTime.parse(r[3]).toInstant()))
                  .toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long inserted = rs.getLong(1);
        long updated = rs.getLong(2);
        return new Counts(inserted, updated, Math.max(0, batch.size() - inserted - updated));
      }
    }
  }
}
