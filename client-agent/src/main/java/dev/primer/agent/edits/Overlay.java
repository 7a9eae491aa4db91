package dev.primer.agent.edits;

import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.agent.store.StoredFields;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.records.RecordField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service's copy of a record with the rep's operations on top, in sequence order: what {@code
 * show}, {@code search} and the next {@code edit} see.
 */
public final class Overlay {
  private Overlay() {}

  /** {@code recordId} as the rep sees it; empty when the device knows no fields or edits of it. */
  public static Optional<EditedRecord> of(LocalStore store, String recordId) {
    return apply(recordId, store.fields(recordId), store.overlays(recordId));
  }

  /** The service's copy {@code base} with {@code overlays} (in sequence order) on top. */
  public static Optional<EditedRecord> apply(
      String recordId, Optional<StoredFields> base, List<OutboxEntry> overlays) {
    Optional<EditOperation> create =
        overlays.stream().map(OutboxEntry::op).filter(EditOperation::isCreate).findFirst();
    if (base.isEmpty() && create.isEmpty()) {
      return Optional.empty();
    }
    Map<String, EditedRecord.Field> fields = new LinkedHashMap<>();
    for (RecordField f : base.map(StoredFields::fields).orElse(List.of())) {
      fields.put(
          f.name(),
          new EditedRecord.Field(
              f.name(), f.value(), f.value(), f.version(), f.version(), Optional.empty()));
    }
    for (OutboxEntry e : overlays) {
      for (FieldChange c : e.op().changes()) {
        EditedRecord.Field under = fields.get(c.field());
        fields.put(
            c.field(),
            new EditedRecord.Field(
                c.field(),
                c.value(),
                under == null ? "" : under.serviceValue(),
                under == null ? 0 : under.serviceVersion(),
                under != null && under.by().isPresent() ? under.baseVersion() : c.baseVersion(),
                Optional.of(e)));
      }
    }
    String type = base.map(StoredFields::type).orElseGet(() -> create.get().recordType());
    String account = base.map(StoredFields::accountId).orElseGet(() -> create.get().accountId());
    String title =
        base.map(StoredFields::title)
            .filter(t -> !t.isEmpty())
            .orElseGet(
                () ->
                    Optional.ofNullable(fields.get("name"))
                        .map(EditedRecord.Field::value)
                        .filter(v -> !v.isEmpty())
                        .orElse("new " + type));
    return Optional.of(
        new EditedRecord(
            recordId,
            type,
            account,
            title,
            base.map(StoredFields::version).orElse(0L),
            base.isEmpty(),
            new ArrayList<>(fields.values())));
  }

  /**
   * Records with operations on top whose shown text holds every word of {@code text}, in the order
   * their first operation was made: a pending new phone number or a contact created here is found
   * at once, before any sync (the search index holds the service's copy only).
   */
  public static List<EditedRecord> search(LocalStore store, String text) {
    Set<String> wanted = new HashSet<>(SearchTokens.words(text));
    if (wanted.isEmpty()) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    store.overlays().forEach(e -> ids.add(e.recordId()));
    List<EditedRecord> found = new ArrayList<>();
    for (String id : ids) {
      of(store, id)
          .filter(r -> new HashSet<>(SearchTokens.words(r.text())).containsAll(wanted))
          .ifPresent(found::add);
    }
    return found;
  }
}
