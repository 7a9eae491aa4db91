package dev.primer.core.history;

import dev.primer.core.catalog.Catalog;
import java.time.Instant;

/**
 * Every interaction known so far, per user, per team and overall, in time order. Readers always ask
 * "as of" an instant and never see anything at or after it: that is what keeps training and replay
 * free of leakage. Appending is not thread-safe; reading concurrently is.
 */
public final class InteractionHistory {
  private final Catalog catalog;
  private final LongIntLog[] byUser;
  private final LongIntLog[] byTeam;
  private final LongIntLog all = new LongIntLog();

  public InteractionHistory(Catalog catalog) {
    this.catalog = catalog;
    this.byUser = new LongIntLog[catalog.userCount()];
    this.byTeam = new LongIntLog[catalog.teamCount()];
    for (int u = 0; u < byUser.length; u++) {
      byUser[u] = new LongIntLog();
    }
    for (int t = 0; t < byTeam.length; t++) {
      byTeam[t] = new LongIntLog();
    }
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Records that user {@code u} touched record {@code r} at {@code at}. */
  public void add(int u, int r, Instant at) {
    long t = at.getEpochSecond();
    byUser[u].add(t, r);
    byTeam[catalog.team(u)].add(t, r);
    all.add(t, r);
  }

  /** How many interactions have been added. */
  public int size() {
    return all.size();
  }

  LongIntLog user(int u) {
    return byUser[u];
  }

  LongIntLog team(int team) {
    return byTeam[team];
  }

  LongIntLog all() {
    return all;
  }
}
