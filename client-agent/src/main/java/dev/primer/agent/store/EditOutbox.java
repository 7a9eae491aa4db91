package dev.primer.agent.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.primer.agent.crypto.FieldCipher;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The edit outbox ({@code edit_ops}): each operation the rep made, in device sequence order, until
 * the service's final receipt and after. The operation row is the edit: the values shown on top of
 * the service's copy are read from it, so an edit and its operation are one insert, committed
 * together with the sequence counter.
 */
final class EditOutbox {
  /** The meta key of the last sequence number handed out. */
  static final String LAST_SEQ = "edits.last_seq";

  private static final String COLUMNS =
      "seq, op_id, record_id, op, state, receipt, overlay, resolution, created_at, updated_at";

  private final Jdbc jdbc;
  private final StoreMeta meta;
  private final FieldCipher cipher;
  private final RecordFields fields;

  private final AuditLog auditLog;

  EditOutbox(
      Jdbc jdbc, StoreMeta meta, FieldCipher cipher, RecordFields fields, AuditLog auditLog) {
    this.auditLog = auditLog;
    this.jdbc = jdbc;
    this.meta = meta;
    this.cipher = cipher;
    this.fields = fields;
  }

  /**
   * Adds the operation {@code opForSeq} makes for the next sequence number, in one transaction with
   * the counter (numbers have no gaps: a rolled-back edit gives its number back). When {@code
   * settles} names an operation in review, its overlay is dropped in the same transaction (the new
   * operation's values replace it) and its resolution reads {@code kept KEPT: seq N}.
   */
  OutboxEntry append(
      LongFunction<EditOperation> opForSeq, Instant now, Optional<String> settles, String kept) {
    return append(opForSeq, now, settles, kept, op -> Optional.empty());
  }

  /**
   * As {@link #append(LongFunction, Instant, Optional, String)}, recording in the audit log, in the
   * same transaction, what {@code audit} makes of the operation.
   */
  OutboxEntry append(
      LongFunction<EditOperation> opForSeq,
      Instant now,
      Optional<String> settles,
      String kept,
      java.util.function.Function<EditOperation, Optional<AuditEvent>> audit) {
    OutboxEntry[] added = new OutboxEntry[1];
    jdbc.inWriteTransaction(
        () -> {
          long seq =
              1 + Long.parseLong(Optional.ofNullable(meta.getInTransaction(LAST_SEQ)).orElse("0"));
          EditOperation op = opForSeq.apply(seq);
          if (op.seq() != seq) {
            throw new IllegalArgumentException(
                "the operation's seq must be " + seq + ", was " + op.seq());
          }
          meta.putInTransaction(Map.of(LAST_SEQ, Long.toString(seq)));
          try (PreparedStatement p =
              jdbc.prepare(
                  "INSERT INTO edit_ops (seq, op_id, record_id, kind, op, state, overlay,"
                      + " created_at, updated_at) VALUES (?,?,?,?,?,'pending',1,?,?)")) {
            p.setLong(1, seq);
            p.setString(2, op.opId());
            p.setString(3, op.recordId());
            p.setString(4, op.kind());
            p.setBytes(5, cipher.encryptText(json(op), op.opId() + "/op"));
            p.setString(6, now.toString());
            p.setString(7, now.toString());
            p.executeUpdate();
          }
          if (settles.isPresent()) {
            settleInTransaction(settles.get(), "kept " + kept + ": seq " + seq, now);
          }
          Optional<AuditEvent> event = audit.apply(op);
          if (event.isPresent()) {
            auditLog.appendInTransaction(event.get(), now);
          }
          added[0] = new OutboxEntry(op, EditState.PENDING, Optional.empty(), true, "", now, now);
        });
    return added[0];
  }

  /** Drops the overlay of review {@code opId} and says how it was settled. */
  void settle(String opId, String resolution, Instant now) {
    jdbc.inWriteTransaction(() -> settleInTransaction(opId, resolution, now));
  }

  private void settleInTransaction(String opId, String resolution, Instant now)
      throws SQLException {
    try (PreparedStatement p =
        jdbc.prepare(
            "UPDATE edit_ops SET overlay = 0, resolution = ?, updated_at = ? WHERE op_id = ?"
                + " AND state = 'needs-review' AND overlay = 1 AND resolution = ''")) {
      p.setString(1, resolution);
      p.setString(2, now.toString());
      p.setString(3, opId);
      if (p.executeUpdate() != 1) {
        throw new IllegalArgumentException(
            "operation " + opId + " is not waiting for review on this device");
      }
    }
  }

  /**
   * Settles, in one transaction, the reviews shown here that the service no longer holds open;
   * returns their records, to fetch as the service now has them.
   */
  List<String> settleClosed(Set<String> stillOpen, Instant now) {
    List<String> records = new ArrayList<>();
    // Read and settled under the write lock: an 'agent resolve' of another process cannot settle
    // one of them in between.
    jdbc.inWriteTransaction(
        () -> {
          for (OutboxEntry e :
              select(
                  "WHERE state = 'needs-review' AND overlay = 1 AND resolution = ''", List.of())) {
            if (!stillOpen.contains(e.opId())) {
              settleInTransaction(e.opId(), "settled on the service", now);
              if (!records.contains(e.recordId())) {
                records.add(e.recordId());
              }
            }
          }
        });
    return records;
  }

  /** Every operation, oldest first. */
  List<OutboxEntry> all() {
    return select("ORDER BY seq", List.of());
  }

  /** The operation {@code opId}, if the device holds it. */
  Optional<OutboxEntry> byOpId(String opId) {
    return select("WHERE op_id = ?", List.of(opId)).stream().findFirst();
  }

  /** Operations without a final receipt, oldest first, at most {@code limit}. */
  List<OutboxEntry> unsent(int limit) {
    return select("WHERE state IN ('pending', 'sent') ORDER BY seq LIMIT ?", List.of(limit));
  }

  /** Operations whose values are shown on top of the service's copy, oldest first. */
  List<OutboxEntry> overlays() {
    return select("WHERE overlay = 1 ORDER BY seq", List.of());
  }

  /** The overlays of {@code recordId}, oldest first. */
  List<OutboxEntry> overlays(String recordId) {
    return select("WHERE overlay = 1 AND record_id = ? ORDER BY seq", List.of(recordId));
  }

  /** Operations the service changed a record for, whose record the device has not fetched yet. */
  List<OutboxEntry> awaitingFetch() {
    return select(
        "WHERE overlay = 1 AND state IN ('applied', 'merged', 'auto-resolved') ORDER BY seq",
        List.of());
  }

  /** How much upload work waits, cheaply: for the daemon's poll of the outbox. */
  EditWork work() {
    return jdbc.query(
            "SELECT (SELECT count(*) FROM edit_ops WHERE state IN ('pending', 'sent')"
                + " OR (overlay = 1 AND state IN ('applied', 'merged', 'auto-resolved'))),"
                + " (SELECT coalesce(max(seq), 0) FROM edit_ops),"
                + " (SELECT min(created_at) FROM edit_ops WHERE state IN ('pending', 'sent')),"
                + " (SELECT count(*) FROM edit_ops WHERE state IN ('pending', 'sent')),"
                + " (SELECT count(*) FROM edit_ops WHERE state = 'needs-review' AND overlay = 1"
                + " AND resolution = '')",
            List.of(),
            rs ->
                new EditWork(
                    rs.getLong(1),
                    rs.getLong(2),
                    Optional.ofNullable(rs.getString(3)).map(Instant::parse),
                    rs.getLong(4),
                    rs.getLong(5)))
        .get(0);
  }

  /** Marks operations as sent (those still pending): a crash after this sends them again. */
  void markSent(List<Long> seqs, Instant now) {
    jdbc.inWriteTransaction(
        () -> {
          try (PreparedStatement p =
              jdbc.prepare(
                  "UPDATE edit_ops SET state = 'sent', updated_at = ? WHERE seq = ?"
                      + " AND state = 'pending'")) {
            for (long seq : seqs) {
              p.setString(1, now.toString());
              p.setLong(2, seq);
              p.addBatch();
            }
            p.executeBatch();
          }
        });
  }

  /**
   * Keeps the receipts for operations still waiting for one, in one transaction. The first final
   * receipt stays: a replayed or duplicated answer changes nothing. A rejected operation's overlay
   * is dropped at once; the others keep theirs until the record is fetched ({@link #converge}) or,
   * in review, until settled.
   */
  ReceiptsKept keepReceipts(List<EditReceipt> receipts, Instant now) {
    List<String> ignored = new ArrayList<>();
    List<EditReceipt> kept = new ArrayList<>();
    jdbc.inWriteTransaction(
        () -> {
          try (PreparedStatement p =
              jdbc.prepare(
                  "UPDATE edit_ops SET state = ?, receipt = ?, record_version = ?, overlay = ?,"
                      + " updated_at = ? WHERE op_id = ? AND seq = ?"
                      + " AND state IN ('pending', 'sent')")) {
            for (EditReceipt r : receipts) {
              Optional<long[]> held = seqAndDecided(r.opId());
              if (held.isEmpty() || held.get()[0] != r.seq()) {
                ignored.add(r.opId());
                continue;
              }
              if (held.get()[1] == 1) {
                continue; // decided before: this is a replay
              }
              EditState state = EditState.of(r.outcome());
              p.setString(1, state.wireName());
              p.setBytes(2, cipher.encryptText(json(r), r.opId() + "/receipt"));
              p.setLong(3, r.recordVersion());
              p.setInt(4, state == EditState.REJECTED ? 0 : 1);
              p.setString(5, now.toString());
              p.setString(6, r.opId());
              p.setLong(7, r.seq());
              p.executeUpdate();
              kept.add(r);
            }
          }
        });
    return new ReceiptsKept(kept, ignored);
  }

  private Optional<long[]> seqAndDecided(String opId) {
    return jdbc
        .query(
            "SELECT seq, state FROM edit_ops WHERE op_id = ?",
            List.of(opId),
            rs -> new long[] {rs.getLong(1), EditState.of(rs.getString(2)).decided() ? 1 : 0})
        .stream()
        .findFirst();
  }

  /**
   * Writes the records fetched after receipts and drops, in the same transaction, the overlays of
   * the decided operations they show: each record at least at the version the receipt names, or
   * {@code gone} (the service no longer serves it to this device: nothing left to show on top of).
   */
  void converge(List<StoredFields> fetched, Set<String> gone, Instant now) {
    jdbc.inWriteTransaction(
        () -> {
          fields.putInTransaction(fetched);
          try (PreparedStatement p =
              jdbc.prepare(
                  "UPDATE edit_ops SET overlay = 0, updated_at = ? WHERE record_id = ?"
                      + " AND overlay = 1 AND state IN ('applied', 'merged', 'auto-resolved')"
                      + " AND record_version <= ?")) {
            Set<String> done = new HashSet<>();
            for (StoredFields r : fetched) {
              p.setString(1, now.toString());
              p.setString(2, r.recordId());
              p.setLong(3, r.version());
              p.addBatch();
              done.add(r.recordId());
            }
            for (String id : gone) {
              if (done.add(id)) {
                p.setString(1, now.toString());
                p.setString(2, id);
                p.setLong(3, Long.MAX_VALUE);
                p.addBatch();
              }
            }
            p.executeBatch();
          }
        });
  }

  private List<OutboxEntry> select(String where, List<Object> args) {
    return jdbc.query("SELECT " + COLUMNS + " FROM edit_ops " + where, args, this::entry);
  }

  private OutboxEntry entry(ResultSet rs) throws SQLException {
    String opId = rs.getString(2);
    EditOperation op = read(cipher.decryptText(rs.getBytes(4), opId + "/op"), EditOperation.class);
    byte[] receipt = rs.getBytes(6);
    return new OutboxEntry(
        op,
        EditState.of(rs.getString(5)),
        receipt == null
            ? Optional.empty()
            : Optional.of(read(cipher.decryptText(receipt, opId + "/receipt"), EditReceipt.class)),
        rs.getInt(7) == 1,
        rs.getString(8),
        Instant.parse(rs.getString(9)),
        Instant.parse(rs.getString(10)));
  }

  private static String json(Object value) {
    try {
      return RecordFields.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return RecordFields.JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored " + type.getSimpleName() + " is not readable", e);
    }
  }
}
