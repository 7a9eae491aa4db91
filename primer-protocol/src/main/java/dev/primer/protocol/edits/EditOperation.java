package dev.primer.protocol.edits;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.primer.protocol.quotes.QuoteDraft;
import java.util.List;
import java.util.Objects;

/**
 * One change a rep made on the device, offline or not: an update of some fields of a record, or the
 * creation of a record under a device-made id the service keeps (so a retried create is not a
 * second record).
 *
 * @param opId the operation's UUID (version 7), made on the device; a resent operation is the same
 *     operation
 * @param seq the device's sequence number for it, 1, 2, 3 ... with no gaps
 * @param kind {@value #UPDATE}, {@value #CREATE} or {@value #QUOTE}
 * @param recordId the record changed, or the device-made id of the record created
 * @param recordType the type of the record created; empty for an update
 * @param accountId the account of the record created; empty for an update
 * @param userId the user the device acts for
 * @param changes the fields written
 * @param note the rep's note on the change (left out of the JSON when empty)
 * @param editedAt when the rep made the change, by the device's clock (ISO instant), as claimed
 * @param clockOffsetMillis the device clock's offset from the service's, measured at the last
 *     contact before the edit (service time minus device time)
 * @param resolves the operation whose review this one settles, from {@code agent resolve}; empty
 *     otherwise (left out of the JSON when empty)
 * @param quote for a {@value #QUOTE} operation, the quote; {@link QuoteDraft#NONE} otherwise (left
 *     out of the JSON then)
 */
public record EditOperation(
    String opId,
    long seq,
    String kind,
    String recordId,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String recordType,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String accountId,
    String userId,
    List<FieldChange> changes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String note,
    String editedAt,
    long clockOffsetMillis,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String resolves,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = QuoteDraft.AbsentFilter.class)
        QuoteDraft quote) {
  /** The kind of an operation that changes fields of an existing record. */
  public static final String UPDATE = "update";

  /** The kind of an operation that creates a record. */
  public static final String CREATE = "create";

  /**
   * The kind of an operation that creates a quote record from a {@link QuoteDraft}, which the
   * service prices again before it accepts it.
   */
  public static final String QUOTE = "quote";

  public EditOperation {
    opId = Objects.requireNonNullElse(opId, "");
    kind = Objects.requireNonNullElse(kind, "");
    recordId = Objects.requireNonNullElse(recordId, "");
    recordType = Objects.requireNonNullElse(recordType, "");
    accountId = Objects.requireNonNullElse(accountId, "");
    userId = Objects.requireNonNullElse(userId, "");
    changes = changes == null ? List.of() : List.copyOf(changes);
    note = Objects.requireNonNullElse(note, "");
    editedAt = Objects.requireNonNullElse(editedAt, "");
    resolves = Objects.requireNonNullElse(resolves, "");
    quote = Objects.requireNonNullElse(quote, QuoteDraft.NONE);
  }

  /** Whether this operation creates its record (a quote creates its quote record). */
  public boolean isCreate() {
    return CREATE.equals(kind) || QUOTE.equals(kind);
  }

  /** Whether this operation creates a quote (named so Jackson sees no property in it). */
  public boolean createsQuote() {
    return QUOTE.equals(kind);
  }
}
