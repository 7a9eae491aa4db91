package dev.primer.protocol.edits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An item of the review queue ({@code /v1/admin/conflicts}): one field of one operation that a
 * person must decide.
 *
 * @param id the item's id
 * @param opId the operation it came from
 * @param deviceId the device that sent it
 * @param userId the rep
 * @param recordId the record
 * @param recordType its type
 * @param field the field
 * @param base the value the rep saw
 * @param mine the value the rep wrote
 * @param theirs the value on the service (empty when the record is gone)
 * @param reason why it waits ({@code both changed}, {@code record deleted} ...)
 * @param createdAt when it entered the queue (ISO instant)
 * @param state {@code open} or {@code resolved}
 * @param resolution for a resolved item, how ({@code mine}, {@code theirs} or {@code value})
 * @param resolvedValue for a resolved item, the value kept
 */
public record Conflict(
    long id,
    String opId,
    String deviceId,
    String userId,
    String recordId,
    String recordType,
    String field,
    String base,
    String mine,
    String theirs,
    String reason,
    String createdAt,
    String state,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String resolution,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String resolvedValue) {
  /** The state of an item waiting for a decision. */
  public static final String OPEN = "open";

  /** The state of a decided item. */
  public static final String RESOLVED = "resolved";

  public Conflict {
    opId = Objects.requireNonNullElse(opId, "");
    deviceId = Objects.requireNonNullElse(deviceId, "");
    userId = Objects.requireNonNullElse(userId, "");
    recordId = Objects.requireNonNullElse(recordId, "");
    recordType = Objects.requireNonNullElse(recordType, "");
    field = Objects.requireNonNullElse(field, "");
    base = Objects.requireNonNullElse(base, "");
    mine = Objects.requireNonNullElse(mine, "");
    theirs = Objects.requireNonNullElse(theirs, "");
    reason = Objects.requireNonNullElse(reason, "");
    createdAt = Objects.requireNonNullElse(createdAt, "");
    state = Objects.requireNonNullElse(state, "");
    resolution = Objects.requireNonNullElse(resolution, "");
    resolvedValue = Objects.requireNonNullElse(resolvedValue, "");
  }
}
