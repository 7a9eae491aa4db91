package dev.primer.core.history;

import dev.primer.core.util.IntSlots;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What one user's own interactions say as of an instant: per record and per account, how often in
 * the last 1, 7, 30 and 90 days, when last, and on how many of the last 8 same weekdays.
 */
public final class UserHistory {
  static final long DAY = 86_400;
  private static final long WINDOW = 90 * DAY;

  private final IntSlots records = new IntSlots(256);
  private final IntSlots accounts = new IntSlots(64);
  private int[] r1 = new int[256];
  private int[] r7 = new int[256];
  private int[] r30 = new int[256];
  private int[] r90 = new int[256];
  private long[] rLast = new long[256];
  private int[] rWeekdays = new int[256];
  private int[] a7 = new int[64];
  private int[] a30 = new int[64];
  private long[] aLast = new long[64];
  private final long asOf;

  private UserHistory(long asOf) {
    this.asOf = asOf;
  }

  /**
   * The user's history strictly before {@code asOf}; {@code weekday} is the day being predicted,
   * judged in {@code zone}.
   */
  public static UserHistory of(
      InteractionHistory history, int u, Instant asOf, ZoneId zone, DayOfWeek weekday) {
    long t = asOf.getEpochSecond();
    UserHistory view = new UserHistory(t);
    LongIntLog log = history.user(u);
    long offset = zone.getRules().getOffset(asOf).getTotalSeconds();
    long weekdayEpochDay = asOf.atZone(zone).toLocalDate().toEpochDay();
    int targetWeekday = weekday.getValue();
    int end = log.firstAtOrAfter(t);
    for (int i = log.firstAtOrAfter(t - WINDOW); i < end; i++) {
      long when = log.time(i);
      int r = log.value(i);
      long age = t - when;
      int s = view.records.slotOf(r);
      view.ensureRecordCapacity(s);
      view.r90[s]++;
      if (age < 30 * DAY) {
        view.r30[s]++;
      }
      if (age < 7 * DAY) {
        view.r7[s]++;
      }
      if (age < DAY) {
        view.r1[s]++;
      }
      view.rLast[s] = Math.max(view.rLast[s], when);
      long epochDay = Math.floorDiv(when + offset, DAY);
      int eventWeekday = (int) Math.floorMod(epochDay + 3, 7L) + 1;
      long weeksAgo = (weekdayEpochDay - epochDay - 1) / 7;
      if (eventWeekday == targetWeekday && weeksAgo < 8) {
        view.rWeekdays[s] |= 1 << weeksAgo;
      }
      int a = history.catalog().accountOf(r);
      int sa = view.accounts.slotOf(a);
      view.ensureAccountCapacity(sa);
      if (age < 30 * DAY) {
        view.a30[sa]++;
      }
      if (age < 7 * DAY) {
        view.a7[sa]++;
      }
      view.aLast[sa] = Math.max(view.aLast[sa], when);
    }
    return view;
  }

  private void ensureRecordCapacity(int s) {
    if (s < r1.length) {
      return;
    }
    int n = r1.length * 2;
    r1 = java.util.Arrays.copyOf(r1, n);
    r7 = java.util.Arrays.copyOf(r7, n);
    r30 = java.util.Arrays.copyOf(r30, n);
    r90 = java.util.Arrays.copyOf(r90, n);
    rLast = java.util.Arrays.copyOf(rLast, n);
    rWeekdays = java.util.Arrays.copyOf(rWeekdays, n);
  }

  private void ensureAccountCapacity(int s) {
    if (s < a7.length) {
      return;
    }
    int n = a7.length * 2;
    a7 = java.util.Arrays.copyOf(a7, n);
    a30 = java.util.Arrays.copyOf(a30, n);
    aLast = java.util.Arrays.copyOf(aLast, n);
  }

  /** The records touched in the last 90 days, in first-touch order. */
  public int[] records() {
    int[] out = new int[records.size()];
    for (int s = 0; s < out.length; s++) {
      out[s] = records.keyOf(s);
    }
    return out;
  }

  public int recordCount(int r, int days) {
    int s = records.get(r);
    if (s < 0) {
      return 0;
    }
    return switch (days) {
      case 1 -> r1[s];
      case 7 -> r7[s];
      case 30 -> r30[s];
      case 90 -> r90[s];
      default -> throw new IllegalArgumentException("window must be 1, 7, 30 or 90 days");
    };
  }

  /** Days since the user last touched the record, or {@code cap} when not in 90 days. */
  public double daysSinceRecord(int r, double cap) {
    int s = records.get(r);
    return s < 0 ? cap : Math.min(cap, (asOf - rLast[s]) / (double) DAY);
  }

  /** On how many of the last 8 same weekdays the user touched the record. */
  public int sameWeekdayWeeks(int r) {
    int s = records.get(r);
    return s < 0 ? 0 : Integer.bitCount(rWeekdays[s]);
  }

  public int accountCount(int a, int days) {
    int s = accounts.get(a);
    if (s < 0) {
      return 0;
    }
    return switch (days) {
      case 7 -> a7[s];
      case 30 -> a30[s];
      default -> throw new IllegalArgumentException("window must be 7 or 30 days");
    };
  }

  /** Days since the user last touched any record of the account, or {@code cap}. */
  public double daysSinceAccount(int a, double cap) {
    int s = accounts.get(a);
    return s < 0 ? cap : Math.min(cap, (asOf - aLast[s]) / (double) DAY);
  }

  /** When the user last touched the record (epoch second), 0 when not in 90 days. */
  public long lastTouch(int r) {
    int s = records.get(r);
    return s < 0 ? 0 : rLast[s];
  }
}
