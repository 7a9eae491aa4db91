package dev.primer.protocol.records;

import java.util.Objects;

/**
 * One structured field of a record as the service holds it: what a rep can edit (a phone number, a
 * parts count), beside the record's content.
 *
 * @param name the field
 * @param value its value (empty: no value)
 * @param version its field version, raised by each change; the base an edit names
 */
public record RecordField(String name, String value, long version) {
  public RecordField {
    name = Objects.requireNonNullElse(name, "");
    value = Objects.requireNonNullElse(value, "");
  }
}
