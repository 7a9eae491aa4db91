package dev.primer.core.selection;

import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.util.IntSlots;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a byte budget in a given order, first fit: a record that does not fit is skipped and the
 * next one tried. Every selector fills through this, so all compete on equal terms.
 */
public final class BudgetFill {
  private final Catalog catalog;
  private final long budget;
  private final Map<RecordType, Long> typeLimits = new EnumMap<>(RecordType.class);
  private final Map<RecordType, Long> typeBytes = new EnumMap<>(RecordType.class);
  private final IntSlots chosen = new IntSlots(1024);
  private final List<SelectionEntry> entries = new ArrayList<>();
  private long bytes;

  public BudgetFill(Catalog catalog, long budget) {
    if (budget <= 0) {
      throw new IllegalArgumentException("budget must be > 0, was " + budget);
    }
    this.catalog = catalog;
    this.budget = budget;
  }

  /** Caps the bytes one record type may take, as a share of the budget. */
  public BudgetFill capType(RecordType type, double share) {
    typeLimits.put(type, (long) (budget * share));
    return this;
  }

  /** Adds the record if it fits and is not already in; returns whether it is in now. */
  public boolean offer(int record, Tier tier, double score, String reason) {
    if (chosen.get(record) >= 0) {
      return true;
    }
    long size = catalog.size(record);
    if (bytes + size > budget) {
      return false;
    }
    RecordType type = catalog.type(record);
    Long limit = typeLimits.get(type);
    long used = typeBytes.getOrDefault(type, 0L);
    if (limit != null && tier == Tier.PREDICTED && used + size > limit) {
      return false;
    }
    chosen.slotOf(record);
    typeBytes.put(type, used + size);
    bytes += size;
    entries.add(new SelectionEntry(record, tier, score, reason));
    return true;
  }

  public boolean contains(int record) {
    return chosen.get(record) >= 0;
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
