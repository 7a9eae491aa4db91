package dev.primer.agent.store;

import dev.primer.protocol.edits.EditReceipt;
import java.util.List;

/**
 * What became of an answer's receipts in the outbox.
 *
 * @param kept receipts that decided an operation now
 * @param ignored operation ids the device does not hold (or holds under another sequence number)
 */
public record ReceiptsKept(List<EditReceipt> kept, List<String> ignored) {
  public ReceiptsKept {
    kept = List.copyOf(kept);
    ignored = List.copyOf(ignored);
  }
}
