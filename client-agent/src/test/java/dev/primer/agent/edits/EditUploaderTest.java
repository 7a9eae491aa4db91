package dev.primer.agent.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.agent.store.EditState;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.agent.store.StoredFields;
import dev.primer.agent.store.TestStore;
import dev.primer.protocol.client.RetryPolicy;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.FieldReceipt;
import dev.primer.protocol.edits.OpenReviews;
import dev.primer.protocol.edits.Outcome;
import dev.primer.protocol.records.RecordField;
import dev.primer.protocol.records.RecordLine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uploader's state machine against an in-process stand-in for the service's decisions (the real
 * endpoint is proved by the integration test): receipts kept once, resends harmless, the changed
 * records fetched and the overlays dropped.
 */
class EditUploaderTest {
  static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

  @TempDir Path dir;

  /** A clock that moves a second each time it is read: round trips take time. */
  static final class TickingClock extends Clock {
    Instant now = T0;

    @Override
    public Instant instant() {
      Instant t = now;
      now = now.plusSeconds(1);
      return t;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /**
   * Decides like the service for these tests: once per opId, phone applies, "locked" is refused.
   */
  static final class FakeService implements EditEndpoint {
    final Map<String, EditReceipt> decided = new HashMap<>();
    final Map<String, StoredFields> records = new LinkedHashMap<>();
    final List<EditBatch> batches = new ArrayList<>();
    final Set<String> inReview = new java.util.HashSet<>();
    final Clock clock;
    final long aheadMillis;
    int answersToLose;
    int fetches;

    FakeService(Clock clock, long aheadMillis) {
      this.clock = clock;
      this.aheadMillis = aheadMillis;
    }

    @Override
    public EditReceipts send(EditBatch batch) {
      batches.add(batch);
      List<EditReceipt> receipts = new ArrayList<>();
      for (EditOperation op : batch.operations()) {
        receipts.add(decided.computeIfAbsent(op.opId(), id -> decide(op)));
      }
      if (answersToLose > 0) {
        answersToLose--;
        throw new IllegalStateException("connection reset: the answer was lost");
      }
      return new EditReceipts(receipts, 0, clock.instant().plusMillis(aheadMillis).toString());
    }

    private EditReceipt decide(EditOperation op) {
      StoredFields r = records.get(op.recordId());
      FieldChange c = op.changes().get(0);
      String theirs = r == null ? "" : r.field(c.field()).map(RecordField::value).orElse("");
      if (c.field().equals("locked")) {
        return receipt(op, Outcome.REJECTED, "field locked is not writable", 0, c, theirs, theirs);
      }
      if (inReview.contains(op.recordId())) {
        return receipt(
            op, Outcome.NEEDS_REVIEW, "changed meanwhile", r.version(), c, theirs, theirs);
      }
      long version = r == null ? 1 : r.version() + 1;
      List<RecordField> fields = new ArrayList<>();
      if (r != null) {
        r.fields().stream().filter(f -> !f.name().equals(c.field())).forEach(fields::add);
      }
      fields.add(new RecordField(c.field(), c.value(), version));
      records.put(
          op.recordId(),
          new StoredFields(
              op.recordId(),
              version,
              r == null ? op.recordType() : r.type(),
              r == null ? op.accountId() : r.accountId(),
              r == null ? c.value() : r.title(),
              fields));
      return receipt(op, Outcome.APPLIED, "", version, c, theirs, c.value());
    }

    private static EditReceipt receipt(
        EditOperation op,
        Outcome outcome,
        String reason,
        long version,
        FieldChange c,
        String theirs,
        String value) {
      return new EditReceipt(
          op.opId(),
          op.seq(),
          op.recordId(),
          outcome,
          "",
          reason,
          version,
          List.of(
              new FieldReceipt(
                  c.field(), outcome, "", c.base(), c.value(), theirs, value, version)),
          T0.toString());
    }

    @Override
    public OpenReviews openReviews() {
      return new OpenReviews(
          decided.values().stream()
              .filter(r -> r.outcome() == Outcome.NEEDS_REVIEW)
              .filter(r -> inReview.contains(r.recordId()))
              .map(EditReceipt::opId)
              .toList());
    }

    @Override
    public void fetch(List<String> ids, Consumer<RecordLine> lines) {
      fetches++;
      for (String id : ids) {
        StoredFields r = records.get(id);
        if (r == null) {
          lines.accept(RecordLine.refused(id, "not found"));
        } else {
          lines.accept(
              RecordLine.inline(
                      id,
                      r.accountId(),
                      r.type(),
                      r.title(),
                      r.version(),
                      "0".repeat(64),
                      T0.toString(),
                      List.of(),
                      new byte[0])
                  .withFields(r.fields()));
        }
      }
    }
  }

  private static OutboxEntry edit(LocalStore store, String recordId, String field, String value) {
    FieldEdits.Stamp stamp = FieldEdits.stamp("u1", T0, 0);
    return store.appendEdit(
        seq ->
            FieldEdits.update(
                seq, stamp, recordId, List.of(new FieldChange(field, "", 0, value)), "", ""),
        T0);
  }

  private static EditUploader uploader(LocalStore store, FakeService service, Clock clock) {
    return new EditUploader(store, service, clock, RetryPolicy.never(), line -> {});
  }

  @Test
  void sendsTheOutboxInSequenceOrderInBatchesOfAtMostOneHundred() {
    TickingClock clock = new TickingClock();
    FakeService service = new FakeService(clock, 0);
    try (LocalStore store = TestStore.open(dir)) {
      for (int i = 0; i < 250; i++) {
        edit(store, "r" + (i % 7), "phone", "p" + i);
      }
      clock.now = T0.plusSeconds(60);

      UploadResult result = uploader(store, service, clock).upload();

      assertThat(service.batches)
          .extracting(b -> b.operations().size())
          .containsExactly(100, 100, 50);
      List<Long> seqs = new ArrayList<>();
      service.batches.forEach(b -> b.operations().forEach(op -> seqs.add(op.seq())));
      assertThat(seqs).isSorted().hasSize(250).doesNotHaveDuplicates();
      // Each batch tells how much is still waiting, and since when.
      assertThat(service.batches.get(0).pendingOperations()).isEqualTo(250);
      assertThat(service.batches.get(2).pendingOperations()).isEqualTo(50);
      assertThat(service.batches.get(0).oldestPendingSeconds()).isEqualTo(60);
      assertThat(result.decided()).containsEntry(Outcome.APPLIED, 250);
      assertThat(store.unsentEdits(1000)).isEmpty();
    }
  }

  @Test
  void appliedEditsBringBackTheRecordAndLoseTheirOverlay() {
    TickingClock clock = new TickingClock();
    FakeService service = new FakeService(clock, 0);
    try (LocalStore store = TestStore.open(dir)) {
      edit(store, "r1", "phone", "222");

      UploadResult result = uploader(store, service, clock).upload();

      assertThat(result.fetched()).isEqualTo(1);
      assertThat(store.overlays()).isEmpty();
      assertThat(store.edits().get(0).state()).isEqualTo(EditState.APPLIED);
      assertThat(store.fields("r1").orElseThrow().field("phone").orElseThrow().value())
          .isEqualTo("222");
      assertThat(Overlay.of(store, "r1").orElseThrow().field("phone").orElseThrow().by()).isEmpty();
      assertThat(store.meta()).containsKey("last_upload_at");
    }
  }

  @Test
  void aRejectedEditIsDroppedWithItsReasonAndOneInReviewStaysOnTop() {
    TickingClock clock = new TickingClock();
    FakeService service = new FakeService(clock, 0);
    service.records.put("r2", new StoredFields("r2", 4, "contact", "a1", "B", List.of()));
    service.inReview.add("r2");
    try (LocalStore store = TestStore.open(dir)) {
      edit(store, "r1", "locked", "x");
      edit(store, "r2", "phone", "mine");
      edit(store, "r3", "phone", "333");

      uploader(store, service, clock).upload();

      // One refusal or conflict never holds back the operations behind it.
      assertThat(store.edits())
          .extracting(OutboxEntry::state)
          .containsExactly(EditState.REJECTED, EditState.NEEDS_REVIEW, EditState.APPLIED);
      assertThat(store.edits().get(0).receipt().orElseThrow().reason())
          .isEqualTo("field locked is not writable");
      assertThat(store.overlays()).extracting(OutboxEntry::recordId).containsExactly("r2");
      assertThat(store.editWork().conflicts()).isEqualTo(1);

      // Still open on the service: the next upload leaves it shown.
      uploader(store, service, clock).upload();
      assertThat(store.editWork().conflicts()).isEqualTo(1);

      // An admin decided it: the next upload settles it and fetches the record as it now is.
      service.inReview.remove("r2");
      UploadResult settled = uploader(store, service, clock).upload();
      assertThat(store.editWork().conflicts()).isZero();
      assertThat(store.overlays()).isEmpty();
      assertThat(settled.fetched()).isEqualTo(1);
    }
  }

  @Test
  void aLostAnswerIsResentNextTimeAndTheSameReceiptsChangeNothing() {
    TickingClock clock = new TickingClock();
    FakeService service = new FakeService(clock, 0);
    service.answersToLose = 1;
    try (LocalStore store = TestStore.open(dir)) {
      edit(store, "r1", "phone", "222");
      edit(store, "r1", "role", "lead");

      assertThatThrownBy(() -> uploader(store, service, clock).upload())
          .hasMessageContaining("answer was lost");
      // Sent, no receipt: still shown, still to send.
      assertThat(store.edits()).extracting(OutboxEntry::state).containsOnly(EditState.SENT);
      assertThat(store.overlays()).hasSize(2);
      assertThat(store.meta().get("last_upload")).startsWith("failed:");

      UploadResult again = uploader(store, service, clock).upload();

      assertThat(service.batches).hasSize(2);
      assertThat(service.batches.get(1).operations())
          .isEqualTo(service.batches.get(0).operations());
      assertThat(again.decided()).containsEntry(Outcome.APPLIED, 2);
      // The service decided each once: the record moved two versions, not four.
      assertThat(service.records.get("r1").version()).isEqualTo(2);
      assertThat(store.overlays()).isEmpty();

      UploadResult third = uploader(store, service, clock).upload();
      assertThat(third.sent()).isZero();
      assertThat(service.batches).hasSize(2);
    }
  }

  @Test
  void theClockOffsetIsMeasuredAtEachContactAndStampsTheNextEdit() {
    TickingClock clock = new TickingClock();
    FakeService service = new FakeService(clock, 90_000);
    try (LocalStore store = TestStore.open(dir)) {
      assertThat(EditUploader.clockOffset(store)).isZero();
      edit(store, "r1", "phone", "222");

      UploadResult result = uploader(store, service, clock).upload();

      // Sent at t, answered at t+2 s by the ticking clock, service time read at t+1 s plus 90 s.
      assertThat(result.clockOffsetMillis()).contains(90_000L);
      assertThat(EditUploader.clockOffset(store)).isEqualTo(90_000L);
    }
  }

  @Test
  void nothingWaitingMeansNoCallAtAll() {
    TickingClock clock = new TickingClock();
    FakeService service = new FakeService(clock, 0);
    try (LocalStore store = TestStore.open(dir)) {
      UploadResult result = uploader(store, service, clock).upload();
      assertThat(result.summary()).isEqualTo("nothing to upload");
      assertThat(service.batches).isEmpty();
      assertThat(service.fetches).isZero();
    }
  }

  @Test
  void aCreatedRecordComesBackUnderItsDeviceMadeId() {
    TickingClock clock = new TickingClock();
    FakeService service = new FakeService(clock, 0);
    try (LocalStore store = TestStore.open(dir)) {
      String id = FieldEdits.newRecordId(T0);
      FieldEdits.Stamp stamp = FieldEdits.stamp("u1", T0, 0);
      store.appendEdit(
          seq -> FieldEdits.create(seq, stamp, id, "contact", "a7", Map.of("name", "Cormac"), ""),
          T0);

      uploader(store, service, clock).upload();

      assertThat(store.overlays()).isEmpty();
      EditedRecord shown = Overlay.of(store, id).orElseThrow();
      assertThat(shown.createdHere()).isFalse();
      assertThat(shown.field("name").orElseThrow().value()).isEqualTo("Cormac");
      assertThat(Duration.between(T0, clock.now)).isPositive();
    }
  }
}
