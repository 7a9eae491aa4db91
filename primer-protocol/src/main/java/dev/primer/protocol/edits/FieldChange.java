package dev.primer.protocol.edits;

import java.util.Objects;

/**
 * One field of an edit: what the device saw (value and field version) and what the rep wrote. An
 * empty string is "no value"; a field the record never had is version 0.
 *
 * @param field the field's name
 * @param base the value the device saw when the rep edited it
 * @param baseVersion that value's field version
 * @param value what the rep wrote
 */
public record FieldChange(String field, String base, long baseVersion, String value) {
  public FieldChange {
    field = Objects.requireNonNullElse(field, "");
    base = Objects.requireNonNullElse(base, "");
    value = Objects.requireNonNullElse(value, "");
  }
}
