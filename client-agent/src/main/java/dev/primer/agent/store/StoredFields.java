package dev.primer.agent.store;

import dev.primer.protocol.records.RecordField;
import java.util.List;
import java.util.Optional;

/**
 * The service's copy of a record's editable fields, as the last records:fetch brought them.
 *
 * @param recordId the record
 * @param version the record's version they were fetched at
 * @param type the record's type
 * @param accountId its account
 * @param title its title
 * @param fields the fields, each with its value and field version
 * @param openReviews this device's operations the service still held in review on the record when
 *     it was fetched; not kept in the store, where it only decides which reviews the copy settles
 */
public record StoredFields(
    String recordId,
    long version,
    String type,
    String accountId,
    String title,
    List<RecordField> fields,
    List<String> openReviews) {
  public StoredFields {
    fields = List.copyOf(fields);
    openReviews = List.copyOf(openReviews);
  }

  /** Fields with no review open on them (as read back from the store). */
  public StoredFields(
      String recordId,
      long version,
      String type,
      String accountId,
      String title,
      List<RecordField> fields) {
    this(recordId, version, type, accountId, title, fields, List.of());
  }

  /** The field called {@code name}, if the record has it. */
  public Optional<RecordField> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
