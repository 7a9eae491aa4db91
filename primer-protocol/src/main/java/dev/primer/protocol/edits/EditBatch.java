package dev.primer.protocol.edits;

import java.util.List;

/**
 * The body of {@code POST /v1/devices/{id}/edits}: operations in the device's sequence order, and
 * the state of the device's queue (the watchdog's figures: a queue that stops draining shows here
 * and in the service's metrics).
 *
 * @param pendingOperations how many operations the device holds without a final receipt
 * @param oldestPendingSeconds the age of the oldest of them, by the device's clock
 * @param operations the operations, at most {@value #MAX_OPERATIONS}
 */
public record EditBatch(
    long pendingOperations, long oldestPendingSeconds, List<EditOperation> operations) {
  /** The most operations one batch may carry. */
  public static final int MAX_OPERATIONS = 500;

  public EditBatch {
    operations = operations == null ? List.of() : List.copyOf(operations);
  }
}
