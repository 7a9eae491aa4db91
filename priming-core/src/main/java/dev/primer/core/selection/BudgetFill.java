package dev.primer.core.selection;

import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.visibility.ReadableAccounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Fills a byte budget in a given order, first fit: a record that does not fit is skipped and the
 * next one tried. Every selector fills through this, so all compete on equal terms, and none can
 * select a record its user may not read.
 */
public final class BudgetFill {
  private final Catalog catalog;
  private final ReadableAccounts readable;
  private final long budget;
  private final long[] typeLimits = new long[RecordType.values().length];
  private final long[] typeBytes = new long[RecordType.values().length];
  private final BitSet chosen = new BitSet();
  private final List<SelectionEntry> entries = new ArrayList<>();
  private long bytes;

  public BudgetFill(Catalog catalog, ReadableAccounts readable, long budget) {
    if (budget <= 0) {
      throw new IllegalArgumentException("budget must be > 0, was " + budget);
    }
    this.catalog = catalog;
    this.readable = readable;
    this.budget = budget;
    Arrays.fill(typeLimits, Long.MAX_VALUE);
  }

  /** Caps the bytes one record type may take, as a share of the budget. */
  public BudgetFill capType(RecordType type, double share) {
    typeLimits[type.ordinal()] = (long) (budget * share);
    return this;
  }

  /** Whether the user may read {@code record}; an unreadable one is never offered or reported. */
  public boolean readable(int record) {
    return readable.record(record);
  }

  /**
   * Adds the record if it fits, is readable and is not already in; returns whether it is in. A
   * record with prerequisites (a price list's price book and rules) comes only with them, and they
   * in the guaranteed tier, whatever tier the record is in: a device never holds a price list it
   * cannot price.
   */
  public boolean offer(int record, Tier tier, double score, String reason) {
    if (chosen.get(record)) {
      return true;
    }
    if (!readable.record(record)) {
      return false;
    }
    for (int p : catalog.prerequisites(record)) {
      if (!offer(p, Tier.GUARANTEED, 0, "prices " + catalog.record(record).id())) {
        return false;
      }
    }
    long size = catalog.size(record);
    if (bytes + size > budget) {
      return false;
    }
    int type = catalog.typeOrdinal(record);
    if (tier == Tier.PREDICTED && typeBytes[type] + size > typeLimits[type]) {
      return false;
    }
    chosen.set(record);
    typeBytes[type] += size;
    bytes += size;
    entries.add(new SelectionEntry(record, tier, score, reason));
    return true;
  }

  public boolean contains(int record) {
    return chosen.get(record);
  }

  /** Whether nothing more of at least {@code size} bytes could fit. */
  public boolean full(long size) {
    return bytes + size > budget;
  }

  public long bytes() {
    return bytes;
  }

  public List<SelectionEntry> entries() {
    return entries;
  }

  public long budget() {
    return budget;
  }
}
