package dev.primer.service.edits.merge;

import dev.primer.protocol.edits.Outcome;

/**
 * What the merge decided for one field.
 *
 * @param outcome applied, merged, auto-resolved or needs-review
 * @param rule the policy that decided, or {@code superseded}; empty when none had to
 * @param value the field's value afterwards (theirs when it waits for review)
 * @param conflict whether someone else had changed the field since the device's base
 * @param reason for needs-review, why
 */
public record FieldDecision(
    Outcome outcome, String rule, String value, boolean conflict, String reason) {
  /**
   * Whether the decision writes the field (a new field version naming this operation as its
   * writer): when the value changes, and also when the rep's own value was taken unchanged, so that
   * a later write by edit time and a reordered delivery of the same device see who wrote last.
   */
  public boolean writes(CurrentField theirs) {
    return outcome != Outcome.NEEDS_REVIEW && (rule.isEmpty() || !value.equals(theirs.value()));
  }
}
