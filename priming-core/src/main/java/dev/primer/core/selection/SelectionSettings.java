package dev.primer.core.selection;

import dev.primer.core.dataset.RecordType;
import java.util.Map;

/**
 * How the model selector fills a device.
 *
 * @param typeShares the most of the budget each record type may take in the predicted tier
 * @param reasons whether to write a human-readable reason for each entry (off in replays)
 */
public record SelectionSettings(Map<RecordType, Double> typeShares, boolean reasons) {
  public SelectionSettings {
    typeShares = Map.copyOf(typeShares);
    typeShares.forEach(
        (type, share) -> {
          if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException(
                "share of " + type.wireName() + " must be within (0, 1], was " + share);
          }
        });
  }

  /** No type caps, reasons on. */
  public static SelectionSettings defaults() {
    return new SelectionSettings(Map.of(), true);
  }

  public SelectionSettings withReasons(boolean on) {
    return new SelectionSettings(typeShares, on);
  }
}
