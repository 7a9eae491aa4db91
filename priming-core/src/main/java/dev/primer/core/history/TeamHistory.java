package dev.primer.core.history;

import dev.primer.core.util.IntSlots;
import java.time.Instant;

/** What a team's interactions say as of an instant: recent counts per record and per account. */
public final class TeamHistory {
  private static final long DAY = UserHistory.DAY;

  private final IntSlots records = new IntSlots(4096);
  private final IntSlots accounts = new IntSlots(1024);
  private int[] r7 = new int[4096];
  private int[] r30 = new int[4096];
  private int[] a3 = new int[1024];
  private int[] a30 = new int[1024];

  private TeamHistory() {}

  /** The team's interactions in the 30 days strictly before {@code asOf}. */
  public static TeamHistory of(InteractionHistory history, int team, Instant asOf) {
    long t = asOf.getEpochSecond();
    TeamHistory view = new TeamHistory();
    LongIntLog log = history.team(team);
    int end = log.firstAtOrAfter(t);
    for (int i = log.firstAtOrAfter(t - 30 * DAY); i < end; i++) {
      long age = t - log.time(i);
      int r = log.value(i);
      int s = view.records.slotOf(r);
      if (s >= view.r7.length) {
        view.r7 = java.util.Arrays.copyOf(view.r7, s * 2);
        view.r30 = java.util.Arrays.copyOf(view.r30, s * 2);
      }
      view.r30[s]++;
      if (age < 7 * DAY) {
        view.r7[s]++;
      }
      int sa = view.accounts.slotOf(history.catalog().accountOf(r));
      if (sa >= view.a3.length) {
        view.a3 = java.util.Arrays.copyOf(view.a3, sa * 2);
        view.a30 = java.util.Arrays.copyOf(view.a30, sa * 2);
      }
      view.a30[sa]++;
      if (age < 3 * DAY) {
        view.a3[sa]++;
      }
    }
    return view;
  }

  /** Records the team touched in the last {@code days} (7 or 30). */
  public int[] records(int days) {
    int[] out = new int[records.size()];
    int n = 0;
    for (int s = 0; s < records.size(); s++) {
      if (days >= 30 || r7[s] > 0) {
        out[n++] = records.keyOf(s);
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  public int recordCount(int r, int days) {
    int s = records.get(r);
    if (s < 0) {
      return 0;
    }
    return days == 7 ? r7[s] : r30[s];
  }

  public int accountCount(int a, int days) {
    int s = accounts.get(a);
    if (s < 0) {
      return 0;
    }
    return days == 3 ? a3[s] : a30[s];
  }
}
