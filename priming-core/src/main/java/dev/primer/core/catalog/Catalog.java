package dev.primer.core.catalog;

import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.User;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.index.PointIndex;
import dev.primer.territory.index.TerritoryIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every user, account and record with dense int indexes and the static facts features read, plus
 * the spatial indexes over territories and accounts. Immutable once built; safe to share between
 * threads.
 */
public final class Catalog {
  /** The account index of an organisation-wide record (price book, product rules). */
  public static final int NO_ACCOUNT = -1;

  private final List<User> users;
  private final List<Account> accounts;
  private final List<CrmRecord> records;
  private final Map<String, Integer> userIndex = new HashMap<>();
  private final Map<String, Integer> accountIndex = new HashMap<>();
  private final Map<String, Integer> recordIndex = new HashMap<>();
  private final Map<String, Integer> teamIndex = new HashMap<>();
  private final int[] teamOfUser;
  private final int[] ownerOfAccount;
  private final int[][] recordsOfAccount;
  private final int[] accountOfRecord;
  private final long[] sizeOfRecord;
  private final byte[] typeOfRecord;
  private final int[] rankOfRecord;
  private final int[][] relatedOfRecord;
  private final int[][] accountsOfUserTerritories;
  private final TerritoryIndex territories;
  private final PointIndex<Integer> accountPositions;

  /**
   * Per user, per account, the relation once computed. A map keyed by {@code (u << 32) | a} put a
   * medium org's pairs into tree bins (a Long's hash is {@code u ^ a}, so pairs collide by the
   * thousand); rows indexed by account cost one lookup.
   */
  private final AtomicReferenceArray<TerritoryRelation[]> relations;

  private Catalog(
      List<User> users, List<Account> accounts, List<CrmRecord> records, List<Territory> shapes) {
    this.users = List.copyOf(users);
    this.accounts = List.copyOf(accounts);
    this.records = List.copyOf(records);
    for (int u = 0; u < users.size(); u++) {
      index(userIndex, users.get(u).id(), u, "user");
    }
    for (int a = 0; a < accounts.size(); a++) {
      index(accountIndex, accounts.get(a).id(), a, "account");
    }
    for (int r = 0; r < records.size(); r++) {
      index(recordIndex, records.get(r).id(), r, "record");
    }
    teamOfUser = new int[users.size()];
    for (int u = 0; u < users.size(); u++) {
      teamOfUser[u] = teamIndex.computeIfAbsent(users.get(u).teamId(), k -> teamIndex.size());
    }
    ownerOfAccount = new int[accounts.size()];
    for (int a = 0; a < accounts.size(); a++) {
      ownerOfAccount[a] = userIndex.getOrDefault(accounts.get(a).ownerId(), -1);
    }

    accountOfRecord = new int[records.size()];
    sizeOfRecord = new long[records.size()];
    typeOfRecord = new byte[records.size()];
    List<List<Integer>> byAccount = new ArrayList<>();
    for (int a = 0; a < accounts.size(); a++) {
      byAccount.add(new ArrayList<>());
    }
    for (int r = 0; r < records.size(); r++) {
      CrmRecord record = records.get(r);
      sizeOfRecord[r] = record.sizeBytes();
      typeOfRecord[r] = (byte) record.type().ordinal();
      if (record.type().organisationWide()) {
        accountOfRecord[r] = NO_ACCOUNT;
        continue;
      }
      Integer a = accountIndex.get(record.accountId());
      if (a == null) {
        throw new IllegalArgumentException(
            "record " + record.id() + " belongs to unknown account " + record.accountId());
      }
      accountOfRecord[r] = a;
      byAccount.get(a).add(r);
    }
    recordsOfAccount = new int[accounts.size()][];
    rankOfRecord = new int[records.size()];
    for (int a = 0; a < accounts.size(); a++) {
      List<Integer> own = byAccount.get(a);
      recordsOfAccount[a] = own.stream().mapToInt(Integer::intValue).toArray();
      rankWithinType(own);
    }
    relatedOfRecord = new int[records.size()][];
    for (int r = 0; r < records.size(); r++) {
      relatedOfRecord[r] =
          records.get(r).relatedIds().stream()
              .map(recordIndex::get)
              .filter(i -> i != null)
              .mapToInt(Integer::intValue)
              .toArray();
    }

    territories = TerritoryIndex.of(shapes);
    List<Integer> accountIds = new ArrayList<>();
    for (int a = 0; a < accounts.size(); a++) {
      accountIds.add(a);
    }
    accountPositions = PointIndex.of(accountIds, a -> this.accounts.get(a).location());
    Map<String, List<Integer>> accountsByTerritory = new HashMap<>();
    List<List<String>> assigned =
        territories.assignAll(this.accounts.stream().map(Account::location).toList());
    for (int a = 0; a < accounts.size(); a++) {
      for (String t : assigned.get(a)) {
        accountsByTerritory.computeIfAbsent(t, k -> new ArrayList<>()).add(a);
      }
    }
    relations = new AtomicReferenceArray<>(users.size());
    accountsOfUserTerritories = new int[users.size()][];
    for (int u = 0; u < users.size(); u++) {
      Set<Integer> own = new LinkedHashSet<>();
      for (String t : users.get(u).territoryIds()) {
        own.addAll(accountsByTerritory.getOrDefault(t, List.of()));
      }
      accountsOfUserTerritories[u] = own.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
  }

  /** Builds the catalog; territories may be empty. */
  public static Catalog of(
      List<User> users,
      List<Account> accounts,
      List<CrmRecord> records,
      List<Territory> territories) {
    return new Catalog(users, accounts, records, territories);
  }

  private static void index(Map<String, Integer> map, String id, int i, String what) {
    if (map.putIfAbsent(id, i) != null) {
      throw new IllegalArgumentException("duplicate " + what + " id " + id);
    }
  }

  /** Newest record of each type at an account gets rank 0, the next 1, and so on. */
  private void rankWithinType(List<Integer> own) {
    Map<RecordType, List<Integer>> byType = new HashMap<>();
    for (int r : own) {
      byType.computeIfAbsent(records.get(r).type(), k -> new ArrayList<>()).add(r);
    }
    for (List<Integer> same : byType.values()) {
      same.sort(
          Comparator.comparing((Integer r) -> records.get(r).updatedAt())
              .reversed()
              .thenComparing(r -> records.get(r).id()));
      for (int k = 0; k < same.size(); k++) {
        rankOfRecord[same.get(k)] = k;
      }
    }
  }

  public int userCount() {
    return users.size();
  }

  public User user(int u) {
    return users.get(u);
  }

  public OptionalInt userIndex(String id) {
    Integer i = userIndex.get(id);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The dense index of the user's team. */
  public int team(int u) {
    return teamOfUser[u];
  }

  public int teamCount() {
    return teamIndex.size();
  }

  public int accountCount() {
    return accounts.size();
  }

  public Account account(int a) {
    return accounts.get(a);
  }

  public OptionalInt accountIndex(String id) {
    Integer i = accountIndex.get(id);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The owning user's index, or -1 when the owner is not a known user. */
  public int owner(int a) {
    return ownerOfAccount[a];
  }

  /** The account's records, by index (do not modify). */
  public int[] recordsOf(int a) {
    return recordsOfAccount[a];
  }

  public int recordCount() {
    return records.size();
  }

  public CrmRecord record(int r) {
    return records.get(r);
  }

  public OptionalInt recordIndex(String id) {
    Integer i = recordIndex.get(id);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The record's account, or {@link #NO_ACCOUNT} for an organisation-wide record. */
  public int accountOf(int r) {
    return accountOfRecord[r];
  }

  /**
   * The organisation-wide records {@code r} names (a price list's price book and rules): a device
   * never holds {@code r} without them.
   */
  public int[] prerequisites(int r) {
    int[] related = relatedOfRecord[r];
    int n = 0;
    for (int x : related) {
      if (accountOfRecord[x] == NO_ACCOUNT) {
        n++;
      }
    }
    if (n == 0) {
      return NONE;
    }
    int[] out = new int[n];
    int i = 0;
    for (int x : related) {
      if (accountOfRecord[x] == NO_ACCOUNT) {
        out[i++] = x;
      }
    }
    return out;
  }

  private static final int[] NONE = new int[0];

  public RecordType type(int r) {
    return RecordType.values()[typeOfRecord[r]];
  }

  public int typeOrdinal(int r) {
    return typeOfRecord[r];
  }

  public long size(int r) {
    return sizeOfRecord[r];
  }

  /** 0 for the newest record of its type at its account, 1 for the next, ... */
  public int rank(int r) {
    return rankOfRecord[r];
  }

  /** Records this one refers to (do not modify). */
  public int[] related(int r) {
    return relatedOfRecord[r];
  }

  /** Accounts within {@code meters} of a point, nearest first. */
  public List<Integer> accountsNear(GeoPoint p, double meters) {
    return accountPositions.within(p, meters);
  }

  /** Accounts inside any of the user's territories, by index (do not modify). */
  public int[] accountsInTerritoriesOf(int u) {
    return accountsOfUserTerritories[u];
  }

  public TerritoryIndex territories() {
    return territories;
  }

  /** Whether the account is in one of the user's territories, and how far from its edge. */
  public TerritoryRelation relation(int u, int a) {
    TerritoryRelation[] row = relations.get(u);
    if (row == null) {
      relations.compareAndSet(u, null, new TerritoryRelation[accounts.size()]);
      row = relations.get(u);
    }
    TerritoryRelation known = row[a];
    if (known == null) {
      // Two threads may both compute it; they get equal values, and a record's final fields make
      // either safe to read from any thread.
      known = computeRelation(u, a);
      row[a] = known;
    }
    return known;
  }

  private TerritoryRelation computeRelation(int u, int a) {
    GeoPoint p = accounts.get(a).location();
    boolean inside = Arrays.binarySearch(accountsOfUserTerritories[u], a) >= 0;
    double nearest = Double.POSITIVE_INFINITY;
    for (String t : users.get(u).territoryIds()) {
      if (territories.territory(t).isPresent()) {
        nearest = Math.min(nearest, territories.distanceToBoundaryMeters(t, p));
      }
    }
    return new TerritoryRelation(inside, nearest / 1000.0);
  }

  /** An account seen from a user's territories. */
  public record TerritoryRelation(boolean inside, double kmToBoundary) {}
}
