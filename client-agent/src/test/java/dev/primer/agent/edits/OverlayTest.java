package dev.primer.agent.edits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.StoredFields;
import dev.primer.agent.store.TestStore;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.records.RecordField;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayTest {
  static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

  @TempDir Path dir;

  static StoredFields ada(long version) {
    return new StoredFields(
        "r1",
        version,
        "contact",
        "a1",
        "Ada Byrne",
        List.of(new RecordField("phone", "111", 3), new RecordField("role", "buyer", 1)));
  }

  /** Makes an edit the way {@code agent edit} does: over the record as the rep sees it. */
  static EditOperation edit(LocalStore store, String recordId, Map<String, String> sets) {
    EditedRecord current = Overlay.of(store, recordId).orElseThrow();
    List<FieldChange> changes = FieldEdits.changes(current, sets);
    FieldEdits.Stamp stamp = FieldEdits.stamp("u1", T0, 0);
    return store
        .appendEdit(seq -> FieldEdits.update(seq, stamp, recordId, changes, "", ""), T0)
        .op();
  }

  @Test
  void showsTheServiceCopyWithPendingValuesOnTop() {
    try (LocalStore store = TestStore.open(dir)) {
      store.putFields(List.of(ada(9)));
      edit(store, "r1", Map.of("phone", "222"));

      EditedRecord shown = Overlay.of(store, "r1").orElseThrow();

      assertThat(shown.field("phone").orElseThrow().value()).isEqualTo("222");
      assertThat(shown.field("phone").orElseThrow().serviceValue()).isEqualTo("111");
      assertThat(shown.field("phone").orElseThrow().by()).isPresent();
      assertThat(shown.field("role").orElseThrow().value()).isEqualTo("buyer");
      assertThat(shown.field("role").orElseThrow().by()).isEmpty();
    }
  }

  @Test
  void theFirstEditOfAFieldRestsOnTheServiceValueAndVersion() {
    try (LocalStore store = TestStore.open(dir)) {
      store.putFields(List.of(ada(9)));
      EditOperation first = edit(store, "r1", Map.of("phone", "222", "email", "a@b.ie"));

      assertThat(first.changes())
          .containsExactlyInAnyOrder(
              new FieldChange("phone", "111", 3, "222"),
              // A field the record never had: no value, version 0.
              new FieldChange("email", "", 0, "a@b.ie"));
    }
  }

  @Test
  void aSecondEditOfAFieldNamesTheRepsOwnPendingValueAsItsBase() {
    try (LocalStore store = TestStore.open(dir)) {
      store.putFields(List.of(ada(9)));
      edit(store, "r1", Map.of("phone", "222"));
      EditOperation second = edit(store, "r1", Map.of("phone", "333"));

      // Base: what the rep saw (their own 222); its version: the service's the first one rested on.
      assertThat(second.changes()).containsExactly(new FieldChange("phone", "222", 3, "333"));
      assertThat(Overlay.of(store, "r1").orElseThrow().field("phone").orElseThrow().value())
          .isEqualTo("333");
    }
  }

  @Test
  void aRecordCreatedHereIsShownAndFoundBeforeAnySync() {
    try (LocalStore store = TestStore.open(dir)) {
      String id = FieldEdits.newRecordId(T0);
      FieldEdits.Stamp stamp = FieldEdits.stamp("u1", T0, 0);
      store.appendEdit(
          seq ->
              FieldEdits.create(
                  seq, stamp, id, "contact", "a7", Map.of("name", "Cormac Quill"), ""),
          T0);

      EditedRecord shown = Overlay.of(store, id).orElseThrow();
      assertThat(shown.createdHere()).isTrue();
      assertThat(shown.title()).isEqualTo("Cormac Quill");
      assertThat(shown.accountId()).isEqualTo("a7");
      assertThat(Overlay.search(store, "quill"))
          .extracting(EditedRecord::recordId)
          .containsExactly(id);
    }
  }

  @Test
  void searchFindsAPendingValueAndNotTheValueItReplaced() {
    try (LocalStore store = TestStore.open(dir)) {
      store.putFields(List.of(ada(9)));
      edit(store, "r1", Map.of("role", "engineer"));

      assertThat(Overlay.search(store, "engineer"))
          .extracting(EditedRecord::recordId)
          .containsExactly("r1");
      assertThat(Overlay.search(store, "buyer")).isEmpty();
    }
  }

  @Test
  void aRecordWithoutFieldsOrEditsHasNoOverlay() {
    try (LocalStore store = TestStore.open(dir)) {
      assertThat(Overlay.of(store, "r404")).isEmpty();
    }
  }
}
