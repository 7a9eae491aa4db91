package dev.primer.core.evaluation;

/**
 * How one selector did at one budget over an evaluation period.
 *
 * @param hits records the users touched that were on their devices, summed over user-days
 * @param accesses records the users touched, summed over user-days
 * @param selectedBytes bytes put on devices, summed over user-days
 */
public record SelectorMetrics(
    String selector,
    long budgetBytes,
    long hits,
    long accesses,
    long hitBytes,
    long accessBytes,
    long selectedBytes,
    long selectedRecords,
    long userDays) {

  /** Σ|A ∩ C| / Σ|A|. */
  public double hitRate() {
    return accesses == 0 ? 0 : (double) hits / accesses;
  }

  /** Σ bytes(A ∩ C) / Σ bytes(A). */
  public double byteHitRate() {
    return accessBytes == 0 ? 0 : (double) hitBytes / accessBytes;
  }

  /** Bytes put on a device that nobody touched that day, per user-day. */
  public double wastedBytesPerUserDay() {
    return userDays == 0 ? 0 : (double) (selectedBytes - hitBytes) / userDays;
  }

  /** Records put on a device, per user-day. */
  public double recordsPerUserDay() {
    return userDays == 0 ? 0 : (double) selectedRecords / userDays;
  }

  SelectorMetrics plus(long hit, long access, long hitB, long accessB, long selB, long selR) {
    return new SelectorMetrics(
        selector,
        budgetBytes,
        hits + hit,
        accesses + access,
        hitBytes + hitB,
        accessBytes + accessB,
        selectedBytes + selB,
        selectedRecords + selR,
        userDays + 1);
  }
}
