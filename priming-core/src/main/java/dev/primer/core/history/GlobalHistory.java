package dev.primer.core.history;

import java.time.Instant;

/** What everybody's interactions say as of an instant: how popular each record and account is. */
public final class GlobalHistory {
  private static final long DAY = UserHistory.DAY;

  private final int[] r30;
  private final int[] r90;
  private final int[] a30;
  private final long[] lastAccountTouch;

  private GlobalHistory(int records, int accounts) {
    r30 = new int[records];
    r90 = new int[records];
    a30 = new int[accounts];
    lastAccountTouch = new long[accounts];
  }

  /** Everybody's interactions in the 90 days strictly before {@code asOf}. */
  public static GlobalHistory of(InteractionHistory history, Instant asOf) {
    long t = asOf.getEpochSecond();
    GlobalHistory view =
        new GlobalHistory(history.catalog().recordCount(), history.catalog().accountCount());
    LongIntLog log = history.all();
    int end = log.firstAtOrAfter(t);
    for (int i = log.firstAtOrAfter(t - 90 * DAY); i < end; i++) {
      int r = log.value(i);
      int a = history.catalog().accountOf(r);
      view.r90[r]++;
      view.lastAccountTouch[a] = Math.max(view.lastAccountTouch[a], log.time(i));
      if (t - log.time(i) < 30 * DAY) {
        view.r30[r]++;
        view.a30[a]++;
      }
    }
    return view;
  }

  public int recordCount(int r, int days) {
    return days == 30 ? r30[r] : r90[r];
  }

  public int accountCount30(int a) {
    return a30[a];
  }

  /** When anybody last touched the account in 90 days (epoch second), 0 when nobody did. */
  public long lastAccountTouch(int a) {
    return lastAccountTouch[a];
  }
}
