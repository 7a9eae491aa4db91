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
 */
public record StoredFields(
    String recordId,
    long version,
    String type,
    String accountId,
    String title,
    List<RecordField> fields) {
  public StoredFields {
    fields = List.copyOf(fields);
  }

  /** The field called {@code name}, if the record has it. */
  public Optional<RecordField> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
