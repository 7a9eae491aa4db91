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
  private final LongIntLog all;

  private InteractionHistory(
      Catalog catalog, LongIntLog[] byUser, LongIntLog[] byTeam, LongIntLog all) {
    this.catalog = catalog;
    this.byUser = byUser;
    this.byTeam = byTeam;
    this.all = all;
  }

  public InteractionHistory(Catalog catalog) {
    this.catalog = catalog;
    this.byUser = new LongIntLog[catalog.userCount()];
    this.byTeam = new LongIntLog[catalog.teamCount()];
    this.all = new LongIntLog();
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
    if (catalog.accountOf(r) == Catalog.NO_ACCOUNT) {
      // Price books and rules come with the price lists that name them, never by prediction: a
      // quote priced from them says nothing of which accounts the rep needs.
      return;
    }
    long t = at.getEpochSecond();
    byUser[u].add(t, r);
    byTeam[catalog.team(u)].add(t, r);
    all.add(t, r);
  }

  /**
   * The same interactions seen through {@code other}: a catalog of the same users, teams and
   * records in the same order that differs in territories (a draft territory model's). Shares the
   * logs, so it is only for reading.
   */
  public InteractionHistory over(Catalog other) {
    if (other.userCount() != catalog.userCount()
        || other.teamCount() != catalog.teamCount()
        || other.recordCount() != catalog.recordCount()) {
      throw new IllegalArgumentException(
          "the other catalog must hold the same users, teams and records in the same order");
    }
    return new InteractionHistory(other, byUser, byTeam, all);
  }

  /** The distinct records user {@code u} touched in [{@code from}, {@code until}), by index. */
  public int[] touched(int u, Instant from, Instant until) {
    LongIntLog log = byUser[u];
    java.util.BitSet seen = new java.util.BitSet();
    int end = log.firstAtOrAfter(until.getEpochSecond());
    for (int i = log.firstAtOrAfter(from.getEpochSecond()); i < end; i++) {
      seen.set(log.value(i));
    }
    return seen.stream().toArray();
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
