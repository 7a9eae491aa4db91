package dev.primer.service.edits;

import dev.primer.service.edits.merge.CurrentField;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record a batch touches, as locked and read at the batch's start and then changed in memory,
 * operation by operation: the state each next operation is decided against.
 */
final class EditedRecord {
  private final String id;
  private final String accountId;
  private final String type;
  private final boolean deleted;
  private final long storedVersion;
  private final boolean isNew;
  private final String createdByOp;
  private final Map<String, CurrentField> fields = new TreeMap<>();
  private int changes;

  private EditedRecord(
      String id,
      String accountId,
      String type,
      boolean deleted,
      long storedVersion,
      boolean isNew,
      String createdByOp) {
    this.id = id;
    this.accountId = accountId;
    this.type = type;
    this.deleted = deleted;
    this.storedVersion = storedVersion;
    this.isNew = isNew;
    this.createdByOp = createdByOp;
  }

  static EditedRecord stored(
      String id, String accountId, String type, boolean deleted, long version) {
    return new EditedRecord(id, accountId, type, deleted, version, false, "");
  }

  /** A record an operation of this batch creates (version 1 once written). */
  static EditedRecord created(String id, String accountId, String type, String opId) {
    return new EditedRecord(id, accountId, type, false, 0, true, opId);
  }

  void load(String field, CurrentField value) {
    fields.put(field, value);
  }

  void put(String field, CurrentField value) {
    fields.put(field, value);
    changes++;
  }

  CurrentField field(String name) {
    return fields.getOrDefault(name, CurrentField.absent());
  }

  Map<String, CurrentField> fields() {
    return fields;
  }

  /** The version devices see: the stored one raised by each change of this batch. */
  long wireVersion() {
    return (isNew ? 1 : storedVersion) + changes;
  }

  int changes() {
    return changes;
  }

  String id() {
    return id;
  }

  String accountId() {
    return accountId;
  }

  String type() {
    return type;
  }

  boolean deleted() {
    return deleted;
  }

  boolean isNew() {
    return isNew;
  }

  String createdByOp() {
    return createdByOp;
  }
}
