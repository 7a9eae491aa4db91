package dev.primer.protocol.edits;

import java.util.List;

/**
 * The answer to {@code GET /v1/devices/{id}/reviews}: the device's operations still waiting in the
 * review queue. A review the device shows and this list no longer names was settled on the service
 * (an admin, or the rep's resolve from another attempt), whatever became of its record.
 *
 * @param opIds the operations, oldest first
 */
public record OpenReviews(List<String> opIds) {
  /** The most one answer lists: a device with more open reviews has bigger problems to show. */
  public static final int MAX = 10_000;

  public OpenReviews {
    opIds = opIds == null ? List.of() : List.copyOf(opIds);
  }
}
