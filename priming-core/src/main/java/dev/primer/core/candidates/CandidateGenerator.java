package dev.primer.core.candidates;

import dev.primer.core.appointments.Appointment;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.day.DayContext;
import dev.primer.core.history.GlobalHistory;
import dev.primer.core.visibility.ReadableAccounts;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Proposes the records a user might need on a day: everything of the accounts they meet today,
 * tomorrow and met yesterday, their pins, what they touched in 90 days and their team in 30, and
 * the records of accounts near their appointments and in their territories, within the configured
 * bounds. Only records the user may read ({@link DayContext#readable()}) are ever proposed.
 */
public final class CandidateGenerator {
  private final CandidateSettings settings;

  public CandidateGenerator(CandidateSettings settings) {
    this.settings = settings;
  }

  public Candidates generate(DayContext ctx) {
    Catalog catalog = ctx.catalog();
    Builder b =
        SCRATCH.get().start(catalog.recordCount(), settings.maxCandidates(), ctx.readable());
    addAppointments(b, catalog, ctx.today(), CandidateSource.APPOINTMENT_TODAY);
    addAppointments(b, catalog, ctx.tomorrow(), CandidateSource.APPOINTMENT_TOMORROW);
    addAppointments(b, catalog, ctx.yesterday(), CandidateSource.APPOINTMENT_YESTERDAY);
    for (int r : ctx.pins()) {
      b.add(r, CandidateSource.PINNED);
    }
    for (int r : ctx.userHistory().records()) {
      b.add(r, CandidateSource.USER_HISTORY);
    }
    for (int r : ctx.teamHistory().records(30)) {
      b.add(r, CandidateSource.TEAM_HISTORY);
    }
    addNearby(b, catalog, ctx);
    addTerritory(b, catalog, ctx);
    return b.build();
  }

  private void addAppointments(
      Builder b, Catalog catalog, List<Appointment> appointments, CandidateSource source) {
    for (Appointment appointment : appointments) {
      if (appointment.confidence() >= settings.minLinkConfidence()) {
        addAccount(b, catalog, appointment.account(), source);
      }
    }
  }

  private void addNearby(Builder b, Catalog catalog, DayContext ctx) {
    double meters = settings.nearbyRadiusKm() * 1000;
    for (List<Appointment> day : List.of(ctx.today(), ctx.tomorrow())) {
      for (Appointment appointment : day) {
        if (appointment.confidence() < settings.minLinkConfidence()) {
          continue;
        }
        List<Integer> near =
            catalog.accountsNear(catalog.account(appointment.account()).location(), meters);
        for (int i = 0; i < Math.min(near.size(), settings.maxNearbyAccounts()); i++) {
          addAccount(b, catalog, near.get(i), CandidateSource.NEARBY);
        }
      }
    }
  }

  private void addTerritory(Builder b, Catalog catalog, DayContext ctx) {
    int[] accounts = catalog.accountsInTerritoriesOf(ctx.user());
    GlobalHistory global = ctx.globalHistory();
    int[] ordered =
        IntStream.of(accounts)
            .boxed()
            .sorted(
                Comparator.comparingLong((Integer a) -> global.lastAccountTouch(a))
                    .reversed()
                    .thenComparing(a -> a))
            .limit(settings.maxTerritoryAccounts())
            .mapToInt(Integer::intValue)
            .toArray();
    for (int a : ordered) {
      addAccount(b, catalog, a, CandidateSource.TERRITORY);
    }
  }

  private static void addAccount(Builder b, Catalog catalog, int account, CandidateSource source) {
    for (int r : catalog.recordsOf(account)) {
      b.add(r, source);
    }
  }

  private static final ThreadLocal<Builder> SCRATCH = ThreadLocal.withInitial(Builder::new);

  /**
   * Collects candidates once each, merging the sources of repeats. Reused per thread: a stamp per
   * record says whether it was seen in the current generation, so nothing is cleared or hashed.
   */
  private static final class Builder {
    private int[] stamp = new int[0];
    private int[] slot = new int[0];
    private int generation;
    private int max;
    private int[] records = new int[8192];
    private int[] sources = new int[8192];
    private int size;
    private int cut;

    @SuppressWarnings("NullAway.Init") // start() sets it before every use
    private ReadableAccounts readable;

    Builder start(int recordCount, int maxCandidates, ReadableAccounts readable) {
      this.readable = readable;
      if (stamp.length < recordCount) {
        stamp = new int[recordCount];
        slot = new int[recordCount];
        generation = 0;
      }
      generation++;
      max = maxCandidates;
      size = 0;
      cut = 0;
      return this;
    }

    void add(int r, CandidateSource source) {
      if (!readable.record(r)) {
        return;
      }
      if (stamp[r] == generation) {
        sources[slot[r]] |= source.bit();
        return;
      }
      if (size == max) {
        cut++;
        return;
      }
      if (size == records.length) {
        records = Arrays.copyOf(records, size * 2);
        sources = Arrays.copyOf(sources, size * 2);
      }
      stamp[r] = generation;
      slot[r] = size;
      records[size] = r;
      sources[size] = source.bit();
      size++;
    }

    Candidates build() {
      return new Candidates(Arrays.copyOf(records, size), Arrays.copyOf(sources, size), cut);
    }
  }
}
