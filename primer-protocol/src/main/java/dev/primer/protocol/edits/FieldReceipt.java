package dev.primer.protocol.edits;

import java.util.Objects;

/**
 * What became of one field of an operation.
 *
 * @param field the field
 * @param outcome its outcome
 * @param rule the policy that decided it ({@code field-rep-wins} ...), empty when none had to
 * @param base the value the device saw
 * @param mine the value the rep wrote
 * @param theirs the value on the service when the operation arrived
 * @param value the field's value after the operation (for review: still theirs)
 * @param version the field's version after the operation
 */
public record FieldReceipt(
    String field,
    Outcome outcome,
    String rule,
    String base,
    String mine,
    String theirs,
    String value,
    long version) {
  public FieldReceipt {
    field = Objects.requireNonNullElse(field, "");
    outcome = Objects.requireNonNullElse(outcome, Outcome.REJECTED);
    rule = Objects.requireNonNullElse(rule, "");
    base = Objects.requireNonNullElse(base, "");
    mine = Objects.requireNonNullElse(mine, "");
    theirs = Objects.requireNonNullElse(theirs, "");
    value = Objects.requireNonNullElse(value, "");
  }
}
