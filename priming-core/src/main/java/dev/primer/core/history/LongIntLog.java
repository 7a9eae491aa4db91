package dev.primer.core.history;

import java.util.Arrays;

/** An append-only log of (epoch second, int) pairs kept in time order, in primitive arrays. */
final class LongIntLog {
  private long[] times = new long[16];
  private int[] values = new int[16];
  private int size;

  void add(long time, int value) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    int at = size;
    // Telemetry can arrive a little out of order: slide it into place.
    while (at > 0 && times[at - 1] > time) {
      times[at] = times[at - 1];
      values[at] = values[at - 1];
      at--;
    }
    times[at] = time;
    values[at] = value;
    size++;
  }

  int size() {
    return size;
  }

  long time(int i) {
    return times[i];
  }

  int value(int i) {
    return values[i];
  }

  /** The index of the first entry at or after {@code time}. */
  int firstAtOrAfter(long time) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
