package dev.primer.testdata.simulate;

import dev.primer.core.dataset.Interaction;
import dev.primer.core.dataset.InteractionKind;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.UserRole;
import dev.primer.testdata.behaviour.Behaviour;
import dev.primer.testdata.calendar.RepPlan;
import dev.primer.testdata.calendar.Visit;
import dev.primer.testdata.calendar.VisitKind;
import dev.primer.testdata.generate.Rng;
import dev.primer.testdata.org.Organisation;
import dev.primer.testdata.org.Rep;
import dev.primer.testdata.records.RecordCatalog;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Simulates what reps open, day by day: records of the customers they visit (the evening before, in
 * the morning, during the visit, in follow-ups), records they check by habit, their teammates'
 * customers, and lookups with no visible reason. Emits interactions in time order while holding
 * only a day's worth of them.
 */
public final class InteractionSimulator {
  private static final Comparator<Interaction> ORDER =
      Comparator.comparing((Interaction i) -> i.at().toInstant())
          .thenComparing(Interaction::userId)
          .thenComparing(Interaction::recordId)
          .thenComparing(Interaction::kind);

  private final Organisation organisation;
  private final RecordCatalog catalog;
  private final List<RepPlan> plans;
  private final Behaviour behaviour;
  private final long seed;
  private final LocalDate start;
  private final int days;
  private final Set<ZoneId> zones = new HashSet<>();
  private final Map<Integer, Map<LocalDate, List<Integer>>> visitedByMetroAndDate = new HashMap<>();
  private final List<SiteSampler> metroSamplers = new ArrayList<>();

  public InteractionSimulator(
      Organisation organisation,
      RecordCatalog catalog,
      List<RepPlan> plans,
      Behaviour behaviour,
      long seed,
      LocalDate start,
      int days) {
    this.organisation = organisation;
    this.catalog = catalog;
    this.plans = plans;
    this.behaviour = behaviour;
    this.seed = seed;
    this.start = start;
    this.days = days;
    for (RepPlan plan : plans) {
      zones.add(plan.zone());
      int metro = plan.rep().metroIndex();
      for (Visit v : plan.visits()) {
        if (v.happens()) {
          visitedByMetroAndDate
              .computeIfAbsent(metro, k -> new HashMap<>())
              .computeIfAbsent(v.start().atZone(plan.zone()).toLocalDate(), k -> new ArrayList<>())
              .add(v.siteIndex());
        }
      }
    }
    for (int m = 0; m < organisation.layouts().size(); m++) {
      metroSamplers.add(new SiteSampler(organisation, organisation.sitesInMetro(m)));
    }
  }

  /** Runs the whole period, handing every interaction to {@code sink} in time order. */
  public void run(Consumer<Interaction> sink) {
    List<Habits> habits = new ArrayList<>();
    for (RepPlan plan : plans) {
      habits.add(new Habits(plan, organisation, catalog, behaviour.habits(), seed));
    }
    List<Interaction> pending = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      LocalDate date = start.plusDays(day);
      for (RepPlan plan : plans) {
        Day today = new Day(plan, date, Rng.of(seed, "day/" + plan.rep().index(), day), pending);
        today.simulate(habits.get(plan.rep().index()), day);
      }
      Instant cutoff = earliestStartOf(date.plusDays(1));
      pending.sort(ORDER);
      int emitted = 0;
      while (emitted < pending.size() && pending.get(emitted).at().toInstant().isBefore(cutoff)) {
        sink.accept(pending.get(emitted++));
      }
      pending.subList(0, emitted).clear();
    }
    pending.sort(ORDER);
    pending.forEach(sink);
  }

  /** When {@code date} begins in the earliest of the reps' zones. */
  private Instant earliestStartOf(LocalDate date) {
    return zones.stream()
        .map(z -> date.atStartOfDay(z).toInstant())
        .min(Instant::compareTo)
        .orElseThrow();
  }

  /** One rep's day. */
  private final class Day {
    private final RepPlan plan;
    private final Rep rep;
    private final UserRole role;
    private final LocalDate date;
    private final ZoneId zone;
    private final Rng rng;
    private final List<Interaction> out;

    Day(RepPlan plan, LocalDate date, Rng rng, List<Interaction> out) {
      this.plan = plan;
      this.rep = plan.rep();
      this.role = rep.user().role();
      this.date = date;
      this.zone = plan.zone();
      this.rng = rng;
      this.out = out;
    }

    void simulate(Habits habits, int dayIndex) {
      if (plan.onVacation(date)) {
        return;
      }
      boolean working = isWorkingDay(date);
      if (working && !plan.blocked(date)) {
        for (Visit visit : plan.visitsOn(date)) {
          if (visit.happens()) {
            dayOfVisit(visit);
          }
        }
        followUps();
      }
      Instant evening = at(date, LocalTime.of(18, 30));
      for (Visit visit : plan.visitsOn(date.plusDays(1))) {
        boolean known = visit.knownSince().map(k -> k.isBefore(evening)).orElse(false);
        boolean stillOn = visit.cancelledAt().map(c -> c.isAfter(evening)).orElse(true);
        if (known && stillOn && !plan.blocked(date.plusDays(1))) {
          eveningBefore(visit);
        }
      }
      if (working) {
        habits
            .lookups(date, dayIndex, rng)
            .forEach(pos -> add(pos, morningOrLate(), InteractionKind.VIEW));
        teammateLookups();
      }
      randomLookups(working ? 1.0 : 0.15);
    }

    private void dayOfVisit(Visit visit) {
      for (VisitAccess access : accessesOf(visit)) {
        if (access.dayBefore()) {
          continue;
        }
        for (int k = 0; k < access.times(); k++) {
          long from =
              rng.chance(0.4)
                  ? at(date, LocalTime.of(7, 0)).getEpochSecond()
                  : visit.start().getEpochSecond();
          long to = Math.max(from + 60, visit.end().getEpochSecond());
          Instant when = Instant.ofEpochSecond(from + (long) (rng.uniform() * (to - from)));
          add(
              access.position(),
              when,
              k == 0 && access.edit() ? InteractionKind.EDIT : InteractionKind.VIEW);
        }
      }
    }

    private void eveningBefore(Visit visit) {
      for (VisitAccess access : accessesOf(visit)) {
        if (!access.dayBefore()) {
          continue;
        }
        for (int k = 0; k < access.times(); k++) {
          add(
              access.position(),
              at(date, LocalTime.of(18, 30).plusMinutes(rng.below(210))),
              InteractionKind.VIEW);
        }
      }
    }

    private void followUps() {
      LocalDate previous = date.minusDays(1);
      while (!isWorkingDay(previous)) {
        previous = previous.minusDays(1);
      }
      for (Visit visit : plan.visitsOn(previous)) {
        if (!visit.happens() || !rng.chance(behaviour.preparation().followUpRate())) {
          continue;
        }
        int first = catalog.first(visit.siteIndex());
        List<VisitAccess> accessed = accessesOf(visit);
        add(first, afternoon(), InteractionKind.VIEW);
        int again = Math.min(accessed.size(), 1 + rng.below(2));
        for (int k = 0; k < again; k++) {
          add(
              accessed.get(rng.below(accessed.size())).position(),
              afternoon(),
              InteractionKind.VIEW);
        }
        RecordType edited =
            role == UserRole.SALES ? RecordType.QUOTE_TEMPLATE : RecordType.SERVICE_HISTORY;
        int newest = newestOfType(visit.siteIndex(), edited);
        if (newest >= 0 && rng.chance(0.5)) {
          add(newest, afternoon(), InteractionKind.EDIT);
        }
      }
    }

    private void teammateLookups() {
      int count = rng.poisson(behaviour.lookups().teammatePerDay());
      Map<LocalDate, List<Integer>> visited =
          visitedByMetroAndDate.getOrDefault(rep.metroIndex(), Map.of());
      for (int i = 0; i < count; i++) {
        List<Integer> recent = visited.getOrDefault(date.minusDays(1 + rng.below(3)), List.of());
        if (recent.isEmpty()) {
          continue;
        }
        int site = recent.get(rng.below(recent.size()));
        double u = rng.uniform();
        int position =
            u < 0.4
                ? catalog.first(site)
                : u < 0.7 ? newestOfType(site, RecordType.SERVICE_HISTORY) : popularRecord(site);
        if (position >= 0) {
          add(position, anyTime(), InteractionKind.VIEW);
        }
      }
    }

    private void randomLookups(double factor) {
      int count = rng.poisson(behaviour.lookups().randomPerDay() * factor);
      for (int i = 0; i < count; i++) {
        int site = metroSamplers.get(rep.metroIndex()).sample(rng);
        InteractionKind kind =
            rng.chance(behaviour.lookups().searchMissShare())
                ? InteractionKind.SEARCH_MISS
                : InteractionKind.VIEW;
        add(popularRecord(site), anyTime(), kind);
      }
    }

    /** What the rep opens for a visit; drawn from the visit itself so every day agrees. */
    private List<VisitAccess> accessesOf(Visit visit) {
      Rng visitRng =
          Rng.of(
              seed,
              "visit/" + rep.index(),
              visit.plannedStart().getEpochSecond() * 31 + visit.siteIndex());
      boolean preparable = visit.kind() != VisitKind.EMERGENCY && visit.kind() != VisitKind.DROP_IN;
      List<VisitAccess> accesses = new ArrayList<>();
      int first = catalog.first(visit.siteIndex());
      int count = catalog.count(visit.siteIndex());
      for (int pos = first; pos < first + count; pos++) {
        RecordType type = catalog.type(pos);
        double p =
            behaviour.access().probability(role, type)
                * catalog.popularity(pos)
                * rankFactor(type, catalog.rank(pos));
        if (!visitRng.chance(Math.min(0.97, p))) {
          continue;
        }
        boolean dayBefore = preparable && visitRng.chance(behaviour.preparation().dayBeforeShare());
        boolean edit =
            !dayBefore && editable(type) && visitRng.chance(behaviour.access().editShare());
        accesses.add(new VisitAccess(pos, dayBefore, edit, 1 + visitRng.poisson(0.4)));
      }
      return accesses;
    }

    private int popularRecord(int site) {
      int first = catalog.first(site);
      int count = catalog.count(site);
      double[] weights = new double[count];
      for (int i = 0; i < count; i++) {
        weights[i] = catalog.popularity(first + i);
      }
      return first + rng.weighted(weights, count);
    }

    private int newestOfType(int site, RecordType type) {
      int first = catalog.first(site);
      for (int pos = first; pos < first + catalog.count(site); pos++) {
        if (catalog.type(pos) == type && catalog.rank(pos) == 0) {
          return pos;
        }
      }
      return -1;
    }

    private void add(int position, Instant when, InteractionKind kind) {
      out.add(
          new Interaction(
              rep.user().id(),
              RecordCatalog.id(position),
              OffsetDateTime.ofInstant(when, zone).withNano(0),
              kind));
    }

    private Instant morningOrLate() {
      return rng.chance(0.7)
          ? at(date, LocalTime.of(7, 30).plusMinutes(rng.below(90)))
          : at(date, LocalTime.of(16, 0).plusMinutes(rng.below(120)));
    }

    private Instant afternoon() {
      return at(date, LocalTime.of(12, 0).plusMinutes(rng.below(300)));
    }

    private Instant anyTime() {
      return at(date, LocalTime.of(8, 0).plusMinutes(rng.below(600)));
    }

    private Instant at(LocalDate d, LocalTime t) {
      return d.atTime(t).atZone(zone).toInstant();
    }
  }

  /** Newer service reports and the first quote templates draw most attention. */
  private static double rankFactor(RecordType type, int rank) {
    return switch (type) {
      case SERVICE_HISTORY -> 2.2 * Math.pow(0.6, rank);
      case QUOTE_TEMPLATE -> 1.3 * Math.pow(0.7, rank);
      default -> 1.0;
    };
  }

  private static boolean editable(RecordType type) {
    return type == RecordType.SERVICE_HISTORY
        || type == RecordType.CONTACT
        || type == RecordType.QUOTE_TEMPLATE
        || type == RecordType.ACCOUNT_PROFILE;
  }

  private static boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** One record a rep opens for a visit, how often, and whether the evening before. */
  private record VisitAccess(int position, boolean dayBefore, boolean edit, int times) {}
}
