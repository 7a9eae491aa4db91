package dev.primer.service.edits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.FieldPolicy;
import dev.primer.protocol.edits.FieldReceipt;
import dev.primer.protocol.edits.Outcome;
import dev.primer.service.access.DeviceAccess;
import dev.primer.service.access.DeviceOwner;
import dev.primer.service.access.RecordAccess;
import dev.primer.service.data.OrgDataChanges;
import dev.primer.service.edits.EditWrites.FieldRow;
import dev.primer.service.edits.merge.CurrentField;
import dev.primer.service.edits.merge.EditContext;
import dev.primer.service.edits.merge.FieldDecision;
import dev.primer.service.edits.merge.FieldMerge;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.quotes.QuotePricing;
import dev.primer.service.quotes.QuoteVerdict;
import dev.primer.service.storable.StorableText;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /v1/devices/{id}/edits} (ADR 0009): decides a batch of a device's operations, each
 * exactly once, and answers one receipt per operation. The batch is one transaction: the device row
 * is locked first (one batch of a device at a time), then the records the batch touches, in id
 * order (so two batches never wait for each other in a circle); every operation is decided in
 * memory against the locked state, in the device's order, and everything is written with a few bulk
 * statements. A bad operation gets a rejected receipt and never stops the ones behind it; a resent
 * operation gets its stored receipt and changes nothing.
 */
@ApplicationScoped
public class EditService {
  private final AgroalDataSource db;
  private final DeviceAccess devices;
  private final RecordAccess records;
  private final FieldPolicies policies;
  private final OrgDataChanges changes;
  private final ObjectMapper json;
  private final Clock clock;
  private final QuotePricing pricing;

  EditService(
      AgroalDataSource db,
      DeviceAccess devices,
      RecordAccess records,
      FieldPolicies policies,
      OrgDataChanges changes,
      ObjectMapper json,
      Clock clock,
      QuotePricing pricing) {
    this.pricing = pricing;
    this.db = db;
    this.devices = devices;
    this.records = records;
    this.policies = policies;
    this.changes = changes;
    this.json = json;
    this.clock = clock;
  }

  /** Decides {@code batch} from {@code deviceId}, whose caller is {@code callerUserId}. */
  public EditReceipts apply(String deviceId, String callerUserId, EditBatch batch) {
    DeviceOwner device = devices.owned(deviceId, callerUserId);
    if (batch.operations().size() > EditBatch.MAX_OPERATIONS) {
      throw ProblemException.badRequest(
          "too-many-operations",
          "operations",
          "at most "
              + EditBatch.MAX_OPERATIONS
              + " operations per batch, were "
              + batch.operations().size());
    }
    Instant now = clock.instant();
    // Visibility is the snapshot's, read before the transaction (it takes no database lock).
    Set<String> ids = storableIds(batch);
    Set<String> readable = records.readable(device.userId(), ids);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = db.getConnection()) {
                return decide(c, device, batch, readable, now);
              }
            });
  }

  private EditReceipts decide(
      Connection c, DeviceOwner device, EditBatch batch, Set<String> readable, Instant now)
      throws SQLException {
    String deviceId = device.deviceId();
    lockDevice(c, deviceId);
    List<String> opIds =
        batch.operations().stream()
            .filter(EditService::identifiable)
            .map(EditOperation::opId)
            .toList();
    Map<String, EditReceipt> stored = storedReceipts(c, deviceId, opIds);
    Map<Long, String> seqTaken = seqsTaken(c, deviceId, batch);
    Map<String, EditedRecord> state = lockRecords(c, batch);

    EditWrites writes = new EditWrites();
    List<EditReceipt> answer = new ArrayList<>();
    for (EditOperation op : batch.operations()) {
      EditReceipt done = stored.get(op.opId());
      if (done == null) {
        done = decideOne(c, device, op, state, readable, seqTaken, writes, now);
        // An operation without a usable identity (no UUID, no sequence number, an id no record
        // can have) is answered but not kept: it cannot be resent as itself anyway.
        if (identifiable(op)) {
          stored.put(op.opId(), done);
          seqTaken.putIfAbsent(op.seq(), op.opId());
          writes.receipt(deviceId, op, done, jsonOf(done), jsonOf(op));
        }
      }
      answer.add(done);
    }
    writes.store(c, state);
    long highWater =
        writes.marks(c, deviceId, batch.pendingOperations(), batch.oldestPendingSeconds(), now);
    if (writes.changedRecords()) {
      changes.changed("edits");
    }
    return new EditReceipts(answer, highWater, now.toString());
  }

  private EditReceipt decideOne(
      Connection c,
      DeviceOwner device,
      EditOperation op,
      Map<String, EditedRecord> state,
      Set<String> readable,
      Map<Long, String> seqTaken,
      EditWrites writes,
      Instant now)
      throws SQLException {
    Optional<String> bad = OperationCheck.problem(op, device.userId());
    if (bad.isEmpty()
        && seqTaken.containsKey(op.seq())
        && !seqTaken.get(op.seq()).equals(op.opId())) {
      bad =
          Optional.of(
              "seq " + op.seq() + " is already taken by operation " + seqTaken.get(op.seq()));
    }
    if (bad.isPresent()) {
      return rejected(op, bad.get(), now);
    }
    EditedRecord record = state.get(op.recordId());
    Optional<QuoteVerdict> quote = Optional.empty();
    if (op.isCreate()) {
      if (record != null) {
        return rejected(op, "record id " + op.recordId() + " is taken", now);
      }
      if (!records.mayReadAccount(device.userId(), op.accountId())) {
        return rejected(op, "account " + op.accountId() + " is not available to this device", now);
      }
      Optional<String> unwritable = unwritable(op.recordType(), op);
      if (unwritable.isPresent()) {
        return rejected(op, unwritable.get(), now);
      }
      if (op.createsQuote()) {
        quote =
            Optional.of(
                pricing.check(c, op.quote(), readable.contains(op.quote().basis().priceListId())));
        if (quote.get().kind() == QuoteVerdict.Kind.REFUSED) {
          return rejected(op, quote.get().reason(), now);
        }
        writes.quote(
            device,
            op,
            quote.get(),
            jsonOf(op.quote().basis()),
            quote.get().serviceResult().map(this::jsonOf),
            now);
      }
      record = EditedRecord.created(op.recordId(), op.accountId(), op.recordType(), op.opId());
      state.put(record.id(), record);
    } else {
      // A record created earlier in this batch is not in the snapshot's answer yet; its account
      // was checked when it was created.
      if (record == null || (!readable.contains(op.recordId()) && !record.isNew())) {
        return rejected(op, "record " + op.recordId() + " is not available to this device", now);
      }
      Optional<String> unwritable = unwritable(record.type(), op);
      if (unwritable.isPresent()) {
        return rejected(op, unwritable.get(), now);
      }
    }

    Instant effective = OperationCheck.effective(op, now);
    EditContext ctx = new EditContext(device.deviceId(), op.seq(), op.opId(), effective);
    Outcome outcome = Outcome.APPLIED;
    Set<String> rules = new TreeSet<>();
    String reason = "";
    List<FieldReceipt> fields = new ArrayList<>();
    for (FieldChange change : op.changes()) {
      CurrentField theirs = record.field(change.field());
      // A quote the service prices otherwise: its total is the service's, the device's in review.
      FieldDecision d;
      if (record.deleted()) {
        d = new FieldDecision(Outcome.NEEDS_REVIEW, "review", "", true, "record deleted");
      } else if (quote.isPresent()
          && quote.get().kind() != QuoteVerdict.Kind.AGREES
          && QUOTE_TOTAL.equals(change.field())) {
        theirs = servicesTotal(record, quote.get(), effective, writes);
        d =
            new FieldDecision(
                Outcome.NEEDS_REVIEW, "review", theirs.value(), true, quote.get().reason());
      } else {
        FieldPolicy policy = policies.of(record.type(), change.field());
        d = FieldMerge.decide(policy.policy(), change, theirs, ctx);
      }
      long version = theirs.version();
      if (d.writes(theirs)) {
        version = theirs.version() + 1;
        record.put(
            change.field(),
            new CurrentField(
                d.value(), version, effective, device.deviceId(), op.seq(), op.opId()));
        writes.field(
            new FieldRow(
                record.id(),
                change.field(),
                d.value(),
                version,
                effective,
                "device",
                device.deviceId(),
                op.seq(),
                op.opId()));
      }
      if (d.outcome() == Outcome.NEEDS_REVIEW) {
        writes.conflict(device, op, record, change, theirs.value(), d.reason(), now);
        reason = d.reason();
      }
      writes.stat(record.type(), change.field(), d.conflict());
      outcome = outcome.worse(d.outcome());
      if (!d.rule().isEmpty() && d.outcome() == Outcome.AUTO_RESOLVED) {
        rules.add(d.rule());
      }
      fields.add(
          new FieldReceipt(
              change.field(),
              d.outcome(),
              d.rule(),
              change.base(),
              change.value(),
              theirs.value(),
              d.outcome() == Outcome.NEEDS_REVIEW ? theirs.value() : d.value(),
              version));
    }
    if (!op.resolves().isEmpty()) {
      writes.settles(device.deviceId(), op);
    }
    if (outcome != Outcome.NEEDS_REVIEW) {
      writes.interaction(device.userId(), record.id(), effective);
    }
    return new EditReceipt(
        op.opId(),
        op.seq(),
        op.recordId(),
        outcome,
        String.join(",", rules),
        reason,
        record.wireVersion(),
        fields,
        now.toString());
  }

  /** The quote field the service's pricing decides. */
  static final String QUOTE_TOTAL = "total";

  /**
   * Writes the service's total of a quote it priced otherwise (as the back office's value, so that
   * the review's "theirs" is it), or leaves the field empty when it could not price the quote.
   */
  private static CurrentField servicesTotal(
      EditedRecord record, QuoteVerdict verdict, Instant at, EditWrites writes) {
    CurrentField none = record.field(QUOTE_TOTAL);
    if (verdict.serviceResult().isEmpty()) {
      return none;
    }
    String total = verdict.serviceResult().get().total().toPlainString();
    CurrentField service = new CurrentField(total, none.version() + 1, at, "", 0, "");
    record.put(QUOTE_TOTAL, service);
    writes.field(
        new FieldRow(record.id(), QUOTE_TOTAL, total, service.version(), at, "service", "", 0, ""));
    return service;
  }

  private static boolean identifiable(EditOperation op) {
    try {
      java.util.UUID.fromString(op.opId());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return op.seq() >= 1 && StorableText.problem(op.recordId(), StorableText.MAX_ID).isEmpty();
  }

  /**
   * The record ids of the batch that a record can have: an id with U+0000 or over the length limit
   * names no record (its operation is rejected by OperationCheck), and PostgreSQL would refuse it
   * in a query.
   */
  private static Set<String> storableIds(EditBatch batch) {
    Set<String> ids = new HashSet<>();
    for (EditOperation op : batch.operations()) {
      if (StorableText.problem(op.recordId(), StorableText.MAX_ID).isEmpty()) {
        ids.add(op.recordId());
      }
      String priceList = op.quote().basis().priceListId();
      if (op.quote().present() && StorableText.problem(priceList, StorableText.MAX_ID).isEmpty()) {
        ids.add(priceList);
      }
    }
    return ids;
  }

  private Optional<String> unwritable(String recordType, EditOperation op) {
    for (FieldChange change : op.changes()) {
      if (!policies.of(recordType, change.field()).writable()) {
        return Optional.of(
            "field " + change.field() + " of a " + recordType + " is not writable from a device");
      }
    }
    return Optional.empty();
  }

  private static EditReceipt rejected(EditOperation op, String reason, Instant now) {
    return new EditReceipt(
        op.opId(),
        op.seq(),
        op.recordId(),
        Outcome.REJECTED,
        "",
        reason,
        0,
        List.of(),
        now.toString());
  }

  private String jsonOf(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static void lockDevice(Connection c, String deviceId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM devices WHERE id = ? FOR UPDATE")) {
      s.setString(1, deviceId);
      s.executeQuery().close();
    }
  }

  private Map<String, EditReceipt> storedReceipts(Connection c, String deviceId, List<String> opIds)
      throws SQLException {
    Map<String, EditReceipt> out = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT op_id, receipt FROM edit_receipts WHERE device_id = ? AND op_id = ANY(?)")) {
      s.setString(1, deviceId);
      s.setArray(2, c.createArrayOf("text", opIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          try {
            out.put(rs.getString(1), json.readValue(rs.getString(2), EditReceipt.class));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored receipt is not readable", e);
          }
        }
      }
    }
    return out;
  }

  private static Map<Long, String> seqsTaken(Connection c, String deviceId, EditBatch batch)
      throws SQLException {
    Map<Long, String> out = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, op_id FROM edit_receipts WHERE device_id = ? AND seq = ANY(?)")) {
      s.setString(1, deviceId);
      s.setArray(
          2,
          c.createArrayOf(
              "int8", batch.operations().stream().map(EditOperation::seq).toArray(Long[]::new)));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.putIfAbsent(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  /** Locks the batch's records in id order and reads them with their fields. */
  private static Map<String, EditedRecord> lockRecords(Connection c, EditBatch batch)
      throws SQLException {
    TreeSet<String> ids = new TreeSet<>(storableIds(batch));
    Map<String, EditedRecord> out = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, account_id, type, deleted_at IS NOT NULL, version + fields_revision"
                + " FROM records WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
      s.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              EditedRecord.stored(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBoolean(4),
                  rs.getLong(5)));
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT record_id, field, value, version, changed_at, coalesce(device_id, ''),"
                + " coalesce(seq, 0), coalesce(op_id, '') FROM record_fields"
                + " WHERE record_id = ANY(?)")) {
      s.setArray(1, c.createArrayOf("text", out.keySet().toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          EditedRecord r = out.get(rs.getString(1));
          if (r != null) {
            Timestamp at = rs.getTimestamp(5);
            r.load(
                rs.getString(2),
                new CurrentField(
                    rs.getString(3),
                    rs.getLong(4),
                    at.toInstant(),
                    rs.getString(6),
                    rs.getLong(7),
                    rs.getString(8)));
          }
        }
      }
    }
    return out;
  }
}
