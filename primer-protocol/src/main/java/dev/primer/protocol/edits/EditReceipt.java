package dev.primer.protocol.edits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The service's one final word on an operation. A resent operation gets the same receipt again.
 *
 * @param opId the operation
 * @param seq its device sequence number
 * @param recordId the record it changed or created
 * @param outcome the operation's outcome: the worst of its fields'
 * @param rule for an auto-resolved operation, the policies that decided (comma-separated)
 * @param reason why it was rejected or needs review; empty otherwise
 * @param recordVersion the record's version after it (0 when rejected)
 * @param fields what became of each field
 * @param decidedAt when the service decided (ISO instant)
 */
public record EditReceipt(
    String opId,
    long seq,
    String recordId,
    Outcome outcome,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String rule,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason,
    long recordVersion,
    List<FieldReceipt> fields,
    String decidedAt) {
  public EditReceipt {
    opId = Objects.requireNonNullElse(opId, "");
    recordId = Objects.requireNonNullElse(recordId, "");
    outcome = Objects.requireNonNullElse(outcome, Outcome.REJECTED);
    rule = Objects.requireNonNullElse(rule, "");
    reason = Objects.requireNonNullElse(reason, "");
    fields = fields == null ? List.of() : List.copyOf(fields);
    decidedAt = Objects.requireNonNullElse(decidedAt, "");
  }
}
