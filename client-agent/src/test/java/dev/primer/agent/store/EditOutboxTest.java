package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.FieldReceipt;
import dev.primer.protocol.edits.Outcome;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.records.RecordField;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditOutboxTest {
  static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

  @TempDir Path dir;

  static EditOperation op(long seq, String opId, String recordId, String field, String value) {
    return new EditOperation(
        opId,
        seq,
        EditOperation.UPDATE,
        recordId,
        "",
        "",
        "u1",
        List.of(new FieldChange(field, "old", 1, value)),
        "",
        T0.toString(),
        0,
        "",
        QuoteDraft.NONE);
  }

  static EditReceipt receipt(OutboxEntry e, Outcome outcome, long recordVersion) {
    FieldChange c = e.op().changes().get(0);
    return new EditReceipt(
        e.opId(),
        e.seq(),
        e.recordId(),
        outcome,
        "",
        outcome == Outcome.REJECTED ? "not writable" : "",
        recordVersion,
        List.of(
            new FieldReceipt(c.field(), outcome, "", c.base(), c.value(), "office", "office", 2)),
        T0.toString());
  }

  static StoredFields fields(String recordId, long version, String phone) {
    return new StoredFields(
        recordId, version, "contact", "a1", "Ada", List.of(new RecordField("phone", phone, 1)));
  }

  @Test
  void anEditAndItsOperationCommitTogetherOrNotAtAll() {
    try (LocalStore store = TestStore.open(dir)) {
      assertThatThrownBy(
              () ->
                  store.appendEdit(
                      seq -> {
                        throw new IllegalStateException("the edit failed half-way");
                      },
                      T0))
          .hasMessageContaining("half-way");
      assertThat(store.edits()).isEmpty();

      OutboxEntry first = store.appendEdit(seq -> op(seq, "op-a", "r1", "phone", "1"), T0);
      OutboxEntry second = store.appendEdit(seq -> op(seq, "op-b", "r1", "phone", "2"), T0);

      // The failed edit gave its number back: sequence numbers have no gaps.
      assertThat(List.of(first.seq(), second.seq())).containsExactly(1L, 2L);
      assertThat(store.overlays("r1"))
          .extracting(OutboxEntry::opId)
          .containsExactly("op-a", "op-b");
      assertThat(store.editWork().pending()).isEqualTo(2);
    }
  }

  @Test
  void anOperationMustCarryTheSequenceNumberItWasGiven() {
    try (LocalStore store = TestStore.open(dir)) {
      assertThatThrownBy(() -> store.appendEdit(seq -> op(seq + 1, "op-a", "r1", "phone", "1"), T0))
          .hasMessage("the operation's seq must be 1, was 2");
      assertThat(store.edits()).isEmpty();
    }
  }

  @Test
  void theFirstReceiptStaysAndAReplayedAnswerChangesNothing() {
    try (LocalStore store = TestStore.open(dir)) {
      OutboxEntry e = store.appendEdit(seq -> op(seq, "op-a", "r1", "phone", "1"), T0);
      store.markEditsSent(List.of(e.seq()), T0);
      assertThat(store.edit("op-a").orElseThrow().state()).isEqualTo(EditState.SENT);

      ReceiptsKept first = store.keepReceipts(List.of(receipt(e, Outcome.APPLIED, 5)), T0);
      ReceiptsKept replay = store.keepReceipts(List.of(receipt(e, Outcome.REJECTED, 0)), T0);
      ReceiptsKept stranger =
          store.keepReceipts(
              List.of(receipt(store.edit("op-a").orElseThrow(), Outcome.APPLIED, 5)).stream()
                  .map(
                      r ->
                          new EditReceipt(
                              "op-unknown", 9, "r9", r.outcome(), "", "", 1, List.of(), ""))
                  .toList(),
              T0);

      assertThat(first.kept()).hasSize(1);
      assertThat(replay.kept()).isEmpty();
      assertThat(stranger.ignored()).containsExactly("op-unknown");
      assertThat(store.edit("op-a").orElseThrow().state()).isEqualTo(EditState.APPLIED);
    }
  }

  @Test
  void aRejectedOperationLosesItsOverlayAndOneInReviewKeepsItUntilSettled() {
    try (LocalStore store = TestStore.open(dir)) {
      OutboxEntry rejected = store.appendEdit(seq -> op(seq, "op-a", "r1", "phone", "1"), T0);
      OutboxEntry review = store.appendEdit(seq -> op(seq, "op-b", "r2", "phone", "2"), T0);
      store.keepReceipts(
          List.of(receipt(rejected, Outcome.REJECTED, 0), receipt(review, Outcome.NEEDS_REVIEW, 3)),
          T0);

      assertThat(store.overlays()).extracting(OutboxEntry::opId).containsExactly("op-b");
      assertThat(store.edit("op-a").orElseThrow().receipt().orElseThrow().reason())
          .isEqualTo("not writable");
      assertThat(store.edit("op-b").orElseThrow().inConflict()).isTrue();
      assertThat(store.editWork().conflicts()).isEqualTo(1);

      store.keepTheirs("op-b", T0);
      assertThat(store.overlays()).isEmpty();
      assertThat(store.editWork().conflicts()).isZero();
      assertThatThrownBy(() -> store.keepTheirs("op-b", T0))
          .hasMessageContaining("is not waiting for review");
    }
  }

  @Test
  void theFetchedRecordAndTheDroppedOverlayAreWrittenTogether() {
    try (LocalStore store = TestStore.open(dir)) {
      store.putFields(List.of(fields("r1", 4, "old")));
      OutboxEntry e = store.appendEdit(seq -> op(seq, "op-a", "r1", "phone", "new"), T0);
      store.keepReceipts(List.of(receipt(e, Outcome.APPLIED, 5)), T0);
      assertThat(store.awaitingFetch()).extracting(OutboxEntry::opId).containsExactly("op-a");

      // A copy older than the receipt's version does not settle the overlay.
      store.converge(List.of(fields("r1", 4, "old")), Set.of(), T0);
      assertThat(store.overlays("r1")).hasSize(1);

      store.converge(List.of(fields("r1", 5, "new")), Set.of(), T0);
      assertThat(store.overlays("r1")).isEmpty();
      assertThat(store.fields("r1").orElseThrow().field("phone").orElseThrow().value())
          .isEqualTo("new");
      assertThat(store.editWork().waiting()).isZero();
    }
  }

  @Test
  void aReviewStaysShownThroughNewerCopiesUntilTheServiceNoLongerHoldsItOpen() {
    try (LocalStore store = TestStore.open(dir)) {
      store.putFields(List.of(fields("r1", 4, "old")));
      OutboxEntry e = store.appendEdit(seq -> op(seq, "op-a", "r1", "phone", "mine"), T0);
      store.keepReceipts(List.of(receipt(e, Outcome.NEEDS_REVIEW, 5)), T0);

      // The back office changed another field: a newer copy settles nothing.
      store.putFields(List.of(fields("r1", 6, "office")));
      assertThat(store.edit("op-a").orElseThrow().inConflict()).isTrue();
      assertThat(store.settleClosedReviews(Set.of("op-a"), T0)).isEmpty();
      assertThat(store.edit("op-a").orElseThrow().inConflict()).isTrue();

      // Decided on the service: it no longer names the operation.
      assertThat(store.settleClosedReviews(Set.of(), T0)).containsExactly("r1");
      OutboxEntry settled = store.edit("op-a").orElseThrow();
      assertThat(settled.inConflict()).isFalse();
      assertThat(settled.resolution()).isEqualTo("settled on the service");
      assertThat(store.overlays("r1")).isEmpty();
    }
  }

  @Test
  void anOlderFetchNeverOverwritesNewerFields() {
    try (LocalStore store = TestStore.open(dir)) {
      store.putFields(List.of(fields("r1", 7, "newer")));
      store.putFields(List.of(fields("r1", 6, "older")));
      assertThat(store.fields("r1").orElseThrow().version()).isEqualTo(7);
      assertThat(store.fields("r1").orElseThrow().field("phone").orElseThrow().value())
          .isEqualTo("newer");
    }
  }

  @Test
  void fieldsAndOperationsAreStoredSealed() throws Exception {
    String secret = "Zanzibar-0170-unique";
    try (LocalStore store = TestStore.open(dir)) {
      store.putFields(List.of(fields("r1", 1, secret + "-service")));
      store.appendEdit(seq -> op(seq, "op-a", "r1", "phone", secret + "-mine"), T0);
      store.checkpoint();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertThat(raw).as(p.toString()).doesNotContain("Zanzibar");
      }
    }
    try (LocalStore store = TestStore.open(dir)) {
      assertThat(store.overlays("r1").get(0).op().changes().get(0).value())
          .isEqualTo(secret + "-mine");
    }
  }
}
