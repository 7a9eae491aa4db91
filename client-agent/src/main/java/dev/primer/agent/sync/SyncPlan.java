package dev.primer.agent.sync;

import dev.primer.protocol.ByteSizes;
import dev.primer.protocol.manifest.ManifestEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one sync downloads: the missing entries, in priority order, that the device budget and the
 * free disk leave room for, and why the rest was cut. Pure: made from the manifest and the store's
 * state, so every rule is tested without a network or a store.
 *
 * @param entries the entries to download, in priority order
 * @param cut why some missing entries were left out, or empty when none was
 */
public record SyncPlan(List<ManifestEntry> entries, Optional<String> cut) {
  /** Inline content travels in records:fetch lines up to this size; larger content is a blob. */
  static final long INLINE_MAX = 64 * 1024;

  public SyncPlan {
    entries = List.copyOf(entries);
  }

  /**
   * The plan for {@code missing} when {@code presentBytes} of the staged manifest are already held,
   * under a budget of {@code budgetBytes} and with {@code usableDisk} bytes free of which {@code
   * diskReserve} must stay free. An entry that does not fit is skipped, and smaller ones after it
   * still come.
   */
  public static SyncPlan choose(
      List<ManifestEntry> missing,
      long presentBytes,
      long budgetBytes,
      long usableDisk,
      long diskReserve) {
    long budgetRoom = budgetBytes - presentBytes;
    long diskRoom = usableDisk - diskReserve;
    List<ManifestEntry> chosen = new ArrayList<>();
    Optional<String> cut = Optional.empty();
    for (ManifestEntry e : missing) {
      if (e.sizeBytes() > budgetRoom) {
        cut =
            cut.or(() -> Optional.of("device budget " + ByteSizes.human(budgetBytes) + " reached"));
      } else if (e.sizeBytes() > diskRoom) {
        cut =
            cut.or(
                () ->
                    Optional.of(
                        "free disk is low (keeping " + ByteSizes.human(diskReserve) + " free)"));
      } else {
        chosen.add(e);
        budgetRoom -= e.sizeBytes();
        diskRoom -= e.sizeBytes();
      }
    }
    return new SyncPlan(chosen, cut);
  }

  /**
   * The plan's entries in records:fetch batches of at most {@code batchSize} entries and {@code
   * batchBytes} of inline content, in order.
   */
  public List<List<ManifestEntry>> batches(int batchSize, long batchBytes) {
    List<List<ManifestEntry>> out = new ArrayList<>();
    List<ManifestEntry> current = new ArrayList<>();
    long inlineBytes = 0;
    for (ManifestEntry e : entries) {
      long inline = e.sizeBytes() <= INLINE_MAX ? e.sizeBytes() : 0;
      if (!current.isEmpty()
          && (current.size() >= batchSize || inlineBytes + inline > batchBytes)) {
        out.add(current);
        current = new ArrayList<>();
        inlineBytes = 0;
      }
      current.add(e);
      inlineBytes += inline;
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** The bytes the plan downloads. */
  public long bytes() {
    return entries.stream().mapToLong(ManifestEntry::sizeBytes).sum();
  }
}
