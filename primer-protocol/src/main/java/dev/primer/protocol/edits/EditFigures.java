package dev.primer.protocol.edits;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to {@code GET /v1/admin/edits/stats}: what became of the devices' operations.
 *
 * @param outcomes receipts by outcome
 * @param conflictsByField per {@code type.field}: operations, those that met someone else's change,
 *     and their share
 * @param openConflicts review items waiting for a decision
 * @param devicesReporting devices that have uploaded edits
 * @param pendingOnDevices operations the devices said they still held, at their last upload
 * @param oldestPendingSeconds the oldest of those, by its device's report (the queue watchdog)
 */
public record EditFigures(
    Map<String, Long> outcomes,
    Map<String, FieldFigures> conflictsByField,
    long openConflicts,
    long devicesReporting,
    long pendingOnDevices,
    long oldestPendingSeconds) {
  public EditFigures {
    outcomes =
        outcomes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    conflictsByField =
        conflictsByField == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(conflictsByField));
  }

  /**
   * One field's figures.
   *
   * @param operations operations that wrote it
   * @param conflicts those that met a change by someone else since their base
   * @param rate conflicts / operations
   */
  public record FieldFigures(long operations, long conflicts, double rate) {}
}
