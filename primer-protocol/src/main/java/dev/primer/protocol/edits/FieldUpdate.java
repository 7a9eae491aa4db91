package dev.primer.protocol.edits;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of {@code POST /v1/import/fields}: the back office's new values for some fields of a
 * record. Only the fields named change (and get a new field version); a rep's pending edit of
 * another field of the record is untouched.
 *
 * @param recordId the record
 * @param fields the fields and their new values (empty string: no value)
 * @param changedAt when the back office changed them (ISO instant); empty means now
 */
public record FieldUpdate(String recordId, Map<String, String> fields, String changedAt) {
  public FieldUpdate {
    recordId = Objects.requireNonNullElse(recordId, "");
    // a null value is kept for the importer to name it, not lost here
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    changedAt = Objects.requireNonNullElse(changedAt, "");
  }
}
