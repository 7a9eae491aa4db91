package dev.primer.protocol.edits;

import java.util.Objects;

/**
 * One row of the merge policy table ({@code /v1/admin/field-policies}): for a record type and a
 * field (or {@code *} for the type's other fields), whether reps may write it and how a conflict on
 * it is decided.
 *
 * @param recordType the record type's wire name, or {@code *} for every type
 * @param field the field, or {@code *} for every field of the type
 * @param writable whether a device may write the field
 * @param policy how a conflict on it is decided
 */
public record FieldPolicy(String recordType, String field, boolean writable, MergePolicy policy) {
  /** The wildcard for any type or any field. */
  public static final String ANY = "*";

  public FieldPolicy {
    recordType = Objects.requireNonNullElse(recordType, "");
    field = Objects.requireNonNullElse(field, "");
    policy = Objects.requireNonNullElse(policy, MergePolicy.REVIEW);
  }
}
