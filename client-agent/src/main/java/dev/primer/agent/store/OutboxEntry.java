package dev.primer.agent.store;

import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import java.time.Instant;
import java.util.Optional;

/**
 * One operation of the edit outbox, decrypted.
 *
 * @param op the operation as it is (re)sent
 * @param state where it stands
 * @param receipt the service's final receipt, once there is one
 * @param overlay whether its values are shown on top of the service's copy
 * @param resolution for a settled review, how ({@code kept theirs}, {@code kept mine: seq 12} ...)
 * @param createdAt when the rep made it
 * @param updatedAt when its row last changed
 */
public record OutboxEntry(
    EditOperation op,
    EditState state,
    Optional<EditReceipt> receipt,
    boolean overlay,
    String resolution,
    Instant createdAt,
    Instant updatedAt) {
  /** Its device sequence number. */
  public long seq() {
    return op.seq();
  }

  /** Its operation id. */
  public String opId() {
    return op.opId();
  }

  /** The record it changes or creates. */
  public String recordId() {
    return op.recordId();
  }

  /** Whether it waits for the rep in {@code agent conflicts}. */
  public boolean inConflict() {
    return state == EditState.NEEDS_REVIEW && overlay && resolution.isEmpty();
  }
}
