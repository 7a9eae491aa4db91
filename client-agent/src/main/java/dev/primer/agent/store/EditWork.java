package dev.primer.agent.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The edit outbox at a glance, read in one query.
 *
 * @param waiting operations to send, or whose changed record is still to fetch
 * @param highestSeq the last sequence number handed out (it moves with every local edit)
 * @param oldestPending when the oldest operation without a final receipt was made
 * @param pending operations without a final receipt
 * @param conflicts operations in review waiting for the rep
 */
public record EditWork(
    long waiting, long highestSeq, Optional<Instant> oldestPending, long pending, long conflicts) {
  /**
   * Whether an upload has nothing to do: nothing to send or fetch, and no review shown here whose
   * settling on the service it would ask about.
   */
  public boolean idle() {
    return waiting == 0 && conflicts == 0;
  }
}
