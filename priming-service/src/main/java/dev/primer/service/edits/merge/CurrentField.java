package dev.primer.service.edits.merge;

import java.time.Instant;

/**
 * A field as the service holds it when an operation arrives ("theirs"): its value and version, and
 * who last wrote it when.
 *
 * @param value the value (empty: no value)
 * @param version the field version (0: never written)
 * @param changedAt when it was written (the writer's effective edit time)
 * @param deviceId the device whose operation wrote it; empty for an import or a review
 * @param seq that operation's sequence number, 0 otherwise
 * @param opId that operation's id, empty otherwise
 */
public record CurrentField(
    String value, long version, Instant changedAt, String deviceId, long seq, String opId) {
  /** A field the record has never had. */
  public static CurrentField absent() {
    return new CurrentField("", 0, Instant.EPOCH, "", 0, "");
  }
}
