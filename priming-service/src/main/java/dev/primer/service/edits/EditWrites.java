package dev.primer.service.edits;

import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.service.access.DeviceOwner;
import dev.primer.service.data.Sql;
import dev.primer.service.edits.merge.CurrentField;
import dev.primer.service.quotes.QuoteVerdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one batch of operations writes, gathered while it is decided and stored at its end with one
 * bulk statement per table: a batch of 100 operations costs a handful of round trips, not hundreds.
 */
final class EditWrites {
  /** A field's new state. */
  record FieldRow(
      String recordId,
      String field,
      String value,
      long version,
      Instant changedAt,
      String source,
      String deviceId,
      long seq,
      String opId) {}

  private record ReceiptRow(
      String deviceId,
      String opId,
      long seq,
      String recordId,
      String outcome,
      String receipt,
      String operation,
      Instant decidedAt) {}

  private record ConflictRow(
      String opId,
      String deviceId,
      String userId,
      String recordId,
      String recordType,
      String field,
      String base,
      String mine,
      String theirs,
      String reason,
      Instant createdAt) {}

  private record Settle(
      String deviceId, String resolvesOp, String byOp, Map<String, String> values) {}

  private record Interaction(String userId, String recordId, Instant at) {}

  private record QuoteRow(
      String recordId,
      String opId,
      String deviceId,
      String userId,
      String accountId,
      String basis,
      java.math.BigDecimal deviceTotal,
      Optional<String> serviceResult,
      boolean agrees,
      String reason,
      Instant quotedAt,
      Instant receivedAt) {}

  private final Map<String, FieldRow> fields = new LinkedHashMap<>();
  private final List<ReceiptRow> receipts = new ArrayList<>();
  private final List<ConflictRow> conflicts = new ArrayList<>();
  private final List<Settle> settles = new ArrayList<>();
  private final List<Interaction> interactions = new ArrayList<>();
  private final List<QuoteRow> quotes = new ArrayList<>();
  private final Map<String, long[]> stats = new LinkedHashMap<>();
  private boolean changedRecords;

  void field(FieldRow row) {
    fields.put(row.recordId() + "\u0000" + row.field(), row);
  }

  void receipt(String deviceId, EditOperation op, EditReceipt r, String receipt, String operation) {
    receipts.add(
        new ReceiptRow(
            deviceId,
            op.opId(),
            op.seq(),
            op.recordId(),
            r.outcome().wireName(),
            receipt,
            operation,
            Instant.parse(r.decidedAt())));
  }

  void conflict(
      DeviceOwner device,
      EditOperation op,
      EditedRecord record,
      FieldChange change,
      String theirs,
      String reason,
      Instant now) {
    conflicts.add(
        new ConflictRow(
            op.opId(),
            device.deviceId(),
            device.userId(),
            record.id(),
            record.type(),
            change.field(),
            change.base(),
            change.value(),
            theirs,
            reason,
            now));
  }

  void quote(
      DeviceOwner device,
      EditOperation op,
      QuoteVerdict verdict,
      String basis,
      Optional<String> serviceResult,
      Instant now) {
    Instant quotedAt;
    try {
      quotedAt = Instant.parse(op.quote().quotedAt());
    } catch (java.time.format.DateTimeParseException e) {
      quotedAt = OperationCheck.effective(op, now);
    }
    quotes.add(
        new QuoteRow(
            op.recordId(),
            op.opId(),
            device.deviceId(),
            device.userId(),
            op.accountId(),
            basis,
            op.quote().result().total(),
            serviceResult,
            verdict.kind() == QuoteVerdict.Kind.AGREES,
            verdict.reason(),
            quotedAt,
            now));
  }

  void settles(String deviceId, EditOperation op) {
    Map<String, String> values = new LinkedHashMap<>();
    for (FieldChange c : op.changes()) {
      values.put(c.field(), c.value());
    }
    settles.add(new Settle(deviceId, op.resolves(), op.opId(), values));
  }

  void interaction(String userId, String recordId, Instant at) {
    interactions.add(new Interaction(userId, recordId, at));
  }

  void stat(String recordType, String field, boolean conflict) {
    long[] n = stats.computeIfAbsent(recordType + "\u0000" + field, k -> new long[2]);
    n[0]++;
    if (conflict) {
      n[1]++;
    }
  }

  boolean changedRecords() {
    return changedRecords;
  }

  /** Stores everything gathered, in the batch's transaction. */
  void store(Connection c, Map<String, EditedRecord> state) throws SQLException {
    createRecords(c, state);
    storeFields(c);
    raiseRevisions(c, state);
    storeReceipts(c);
    storeConflicts(c);
    settle(c);
    storeInteractions(c);
    storeStats(c);
    storeQuotes(c);
  }

  private void storeQuotes(Connection c) throws SQLException {
    if (quotes.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO quotes (record_id, op_id, device_id, user_id, account_id, basis,"
                + " device_total, service_result, agrees, reason, quoted_at, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?)")) {
      for (QuoteRow q : quotes) {
        s.setString(1, q.recordId());
        s.setString(2, q.opId());
        s.setString(3, q.deviceId());
        s.setString(4, q.userId());
        s.setString(5, q.accountId());
        s.setString(6, q.basis());
        s.setBigDecimal(7, q.deviceTotal());
        s.setString(8, q.serviceResult().orElse(null));
        s.setBoolean(9, q.agrees());
        s.setString(10, q.reason());
        s.setTimestamp(11, java.sql.Timestamp.from(q.quotedAt()));
        s.setTimestamp(12, java.sql.Timestamp.from(q.receivedAt()));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void createRecords(Connection c, Map<String, EditedRecord> state) throws SQLException {
    List<EditedRecord> created = state.values().stream().filter(EditedRecord::isNew).toList();
    if (created.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO records (id, account_id, type, title, size_bytes, version, updated_at,"
                + " sha256, content, fields_revision, created_by_op)"
                + " VALUES (?, ?, ?, ?, ?, 1, now(), ?, ?, ?, ?)")) {
      for (EditedRecord r : created) {
        String title = r.field("name").value().isEmpty() ? r.type() : r.field("name").value();
        byte[] content = content(title, r);
        s.setString(1, r.id());
        s.setString(2, r.accountId());
        s.setString(3, r.type());
        s.setString(4, title);
        s.setLong(5, content.length);
        s.setString(6, sha256(content));
        s.setBytes(7, content);
        s.setLong(8, r.changes());
        s.setString(9, r.createdByOp());
        s.addBatch();
      }
      s.executeBatch();
    }
    changedRecords = true;
  }

  /** A created record's content: its title and fields as text, so search finds it. */
  private static byte[] content(String title, EditedRecord r) {
    StringBuilder text = new StringBuilder(title).append('\n');
    for (Map.Entry<String, CurrentField> f : r.fields().entrySet()) {
      text.append(f.getKey()).append(": ").append(f.getValue().value()).append('\n');
    }
    // Inline content stays under 64 KiB: 15,000 characters are at most 60,000 bytes of UTF-8.
    String all = text.length() > 15_000 ? text.substring(0, 15_000) : text.toString();
    if (!all.isEmpty() && Character.isHighSurrogate(all.charAt(all.length() - 1))) {
      all = all.substring(0, all.length() - 1);
    }
    return all.getBytes(StandardCharsets.UTF_8);
  }

  private void storeFields(Connection c) throws SQLException {
    if (fields.isEmpty()) {
      return;
    }
    List<FieldRow> rows = new ArrayList<>(fields.values());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO record_fields (record_id, field, value, version, changed_at, source,"
                + " device_id, seq, op_id)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int8[],"
                + " ?::timestamptz[], ?::text[], ?::text[], ?::int8[], ?::text[])"
                + " ON CONFLICT (record_id, field) DO UPDATE SET value = excluded.value,"
                + " version = excluded.version, changed_at = excluded.changed_at,"
                + " source = excluded.source, device_id = excluded.device_id,"
                + " seq = excluded.seq, op_id = excluded.op_id")) {
      s.setArray(1, Sql.text(c, rows, FieldRow::recordId));
      s.setArray(2, Sql.text(c, rows, FieldRow::field));
      s.setArray(3, Sql.text(c, rows, FieldRow::value));
      s.setArray(4, Sql.int8(c, rows, FieldRow::version));
      s.setArray(5, Sql.timestamptz(c, rows, r -> r.changedAt()));
      s.setArray(6, Sql.text(c, rows, FieldRow::source));
      s.setArray(7, Sql.text(c, rows, FieldRow::deviceId));
      s.setArray(8, Sql.int8(c, rows, FieldRow::seq));
      s.setArray(9, Sql.text(c, rows, FieldRow::opId));
      s.executeUpdate();
    }
  }

  private void raiseRevisions(Connection c, Map<String, EditedRecord> state) throws SQLException {
    List<EditedRecord> changed =
        state.values().stream().filter(r -> !r.isNew() && r.changes() > 0).toList();
    if (changed.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE records r SET fields_revision = r.fields_revision + u.n, updated_at = now()"
                + " FROM unnest(?::text[], ?::int8[]) AS u(id, n) WHERE r.id = u.id")) {
      s.setArray(1, Sql.text(c, changed, EditedRecord::id));
      s.setArray(2, Sql.int8(c, changed, r -> (long) r.changes()));
      s.executeUpdate();
    }
    changedRecords = true;
  }

  private void storeReceipts(Connection c) throws SQLException {
    if (receipts.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO edit_receipts (device_id, op_id, seq, record_id, outcome, receipt,"
                + " operation, decided_at)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::int8[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::timestamptz[])")) {
      s.setArray(1, Sql.text(c, receipts, ReceiptRow::deviceId));
      s.setArray(2, Sql.text(c, receipts, ReceiptRow::opId));
      s.setArray(3, Sql.int8(c, receipts, ReceiptRow::seq));
      s.setArray(4, Sql.text(c, receipts, ReceiptRow::recordId));
      s.setArray(5, Sql.text(c, receipts, ReceiptRow::outcome));
      s.setArray(6, Sql.text(c, receipts, ReceiptRow::receipt));
      s.setArray(7, Sql.text(c, receipts, ReceiptRow::operation));
      s.setArray(8, Sql.timestamptz(c, receipts, r -> r.decidedAt()));
      s.executeUpdate();
    }
  }

  private void storeConflicts(Connection c) throws SQLException {
    if (conflicts.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO conflicts (op_id, device_id, user_id, record_id, record_type, field,"
                + " base, mine, theirs, reason, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (ConflictRow r : conflicts) {
        s.setString(1, r.opId());
        s.setString(2, r.deviceId());
        s.setString(3, r.userId());
        s.setString(4, r.recordId());
        s.setString(5, r.recordType());
        s.setString(6, r.field());
        s.setString(7, r.base());
        s.setString(8, r.mine());
        s.setString(9, r.theirs());
        s.setString(10, r.reason());
        s.setTimestamp(11, java.sql.Timestamp.from(r.createdAt()));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** A rep's resolve closes the open review items of the operation it names. */
  private void settle(Connection c) throws SQLException {
    if (settles.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE conflicts SET state = 'resolved', resolution = 'rep', resolved_value = ?,"
                + " resolved_at = now(), resolved_by = ?"
                + " WHERE device_id = ? AND op_id = ? AND field = ? AND state = 'open'")) {
      for (Settle settle : settles) {
        for (Map.Entry<String, String> v : settle.values().entrySet()) {
          s.setString(1, v.getValue());
          s.setString(2, "operation " + settle.byOp());
          s.setString(3, settle.deviceId());
          s.setString(4, settle.resolvesOp());
          s.setString(5, v.getKey());
          s.addBatch();
        }
      }
      s.executeBatch();
    }
  }

  private void storeInteractions(Connection c) throws SQLException {
    if (interactions.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO interactions (user_id, record_id, at, kind, source)"
                + " SELECT u, r, a, 'edit', 'device'"
                + " FROM unnest(?::text[], ?::text[], ?::timestamptz[]) AS i(u, r, a)"
                + " ON CONFLICT DO NOTHING")) {
      s.setArray(1, Sql.text(c, interactions, Interaction::userId));
      s.setArray(2, Sql.text(c, interactions, Interaction::recordId));
      s.setArray(3, Sql.timestamptz(c, interactions, i -> i.at()));
      s.executeUpdate();
    }
  }

  private void storeStats(Connection c) throws SQLException {
    if (stats.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO edit_field_stats (record_type, field, operations, conflicts)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (record_type, field) DO UPDATE SET"
                + " operations = edit_field_stats.operations + excluded.operations,"
                + " conflicts = edit_field_stats.conflicts + excluded.conflicts")) {
      // sorted keys: concurrent batches lock the rows in one order
      for (Map.Entry<String, long[]> e : new java.util.TreeMap<>(stats).entrySet()) {
        String[] key = e.getKey().split("\u0000", 2);
        s.setString(1, key[0]);
        s.setString(2, key[1]);
        s.setLong(3, e.getValue()[0]);
        s.setLong(4, e.getValue()[1]);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Records the device's queue figures and returns its high-water mark: the highest sequence number
   * with every one below it decided.
   */
  long marks(Connection c, String deviceId, long pending, long oldestSeconds, Instant now)
      throws SQLException {
    long high = 0;
    try (PreparedStatement s =
        c.prepareStatement("SELECT high_water FROM edit_marks WHERE device_id = ?")) {
      s.setString(1, deviceId);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          high = rs.getLong(1);
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT DISTINCT seq FROM edit_receipts WHERE device_id = ? AND seq > ? ORDER BY seq")) {
      s.setString(1, deviceId);
      s.setLong(2, high);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next() && rs.getLong(1) == high + 1) {
          high++;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO edit_marks (device_id, high_water, pending, oldest_pending_seconds,"
                + " reported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
                + " high_water = excluded.high_water, pending = excluded.pending,"
                + " oldest_pending_seconds = excluded.oldest_pending_seconds,"
                + " reported_at = excluded.reported_at")) {
      s.setString(1, deviceId);
      s.setLong(2, high);
      s.setLong(3, Math.max(0, pending));
      s.setLong(4, Math.max(0, oldestSeconds));
      s.setTimestamp(5, java.sql.Timestamp.from(now));
      s.executeUpdate();
    }
    return high;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
