package dev.primer.core.visibility;

import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.AccountShare;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The one rule set for who may read which records: a user reads the records of accounts they own,
 * of accounts inside their territories, of accounts their teammates own (when the organisation's
 * {@link VisibilityRules} allow it) and of accounts shared with them. Candidate generation, every
 * budget fill, and the service's manifests, record fetches, blobs and telemetry all ask this.
 * Immutable; a user's set is computed on first use and kept.
 */
public final class Visibility {
  private final Catalog catalog;
  private final VisibilityRules rules;
  private final int[][] ownedBy;
  private final int[][] sharedWith;
  private final int[][] teammates;
  private final AtomicReferenceArray<ReadableAccounts> readable;

  private Visibility(Catalog catalog, List<AccountShare> shares, VisibilityRules rules) {
    this.catalog = catalog;
    this.rules = rules;
    int users = catalog.userCount();
    List<List<Integer>> owned = lists(users);
    for (int a = 0; a < catalog.accountCount(); a++) {
      int owner = catalog.owner(a);
      if (owner >= 0) {
        owned.get(owner).add(a);
      }
    }
    List<List<Integer>> shared = lists(users);
    for (AccountShare share : shares) {
      OptionalInt u = catalog.userIndex(share.userId());
      OptionalInt a = catalog.accountIndex(share.accountId());
      // A share naming a user or account the organisation no longer has grants nothing.
      if (u.isPresent() && a.isPresent()) {
        shared.get(u.getAsInt()).add(a.getAsInt());
      }
    }
    List<List<Integer>> byTeam = lists(catalog.teamCount());
    for (int u = 0; u < users; u++) {
      byTeam.get(catalog.team(u)).add(u);
    }
    ownedBy = arrays(owned);
    sharedWith = arrays(shared);
    teammates = new int[users][];
    for (int u = 0; u < users; u++) {
      teammates[u] = byTeam.get(catalog.team(u)).stream().mapToInt(Integer::intValue).toArray();
    }
    readable = new AtomicReferenceArray<>(users);
  }

  /** The rules over {@code catalog} with the explicit {@code shares}. */
  public static Visibility of(Catalog catalog, List<AccountShare> shares, VisibilityRules rules) {
    return new Visibility(catalog, List.copyOf(shares), rules);
  }

  /** The default rules, no explicit shares. */
  public static Visibility of(Catalog catalog) {
    return of(catalog, List.of(), VisibilityRules.defaults());
  }

  public VisibilityRules rules() {
    return rules;
  }

  /** What user {@code u} may read. */
  public ReadableAccounts readableBy(int u) {
    ReadableAccounts known = readable.get(u);
    if (known == null) {
      known = compute(u);
      readable.compareAndSet(u, null, known);
    }
    return known;
  }

  /** Whether user {@code u} may read account {@code a}'s records. */
  public boolean canRead(int u, int a) {
    return readableBy(u).account(a);
  }

  private ReadableAccounts compute(int u) {
    BitSet accounts = new BitSet(catalog.accountCount());
    set(accounts, ownedBy[u]);
    set(accounts, catalog.accountsInTerritoriesOf(u));
    set(accounts, sharedWith[u]);
    if (rules.teamAccounts()) {
      for (int teammate : teammates[u]) {
        set(accounts, ownedBy[teammate]);
      }
    }
    return new ReadableAccounts(catalog, accounts);
  }

  private static void set(BitSet bits, int[] indexes) {
    for (int i : indexes) {
      bits.set(i);
    }
  }

  private static List<List<Integer>> lists(int n) {
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    return out;
  }

  private static int[][] arrays(List<List<Integer>> lists) {
    int[][] out = new int[lists.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }
}
