package dev.primer.testdata.calendar;

import dev.primer.core.dataset.UserRole;
import dev.primer.territory.GeoPoint;
import dev.primer.testdata.behaviour.Behaviour;
import dev.primer.testdata.generate.Names;
import dev.primer.testdata.generate.Rng;
import dev.primer.testdata.org.Organisation;
import dev.primer.testdata.org.Rep;
import dev.primer.testdata.org.Site;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Plans every rep's calendar over the data set's period (and a little before and after): recurring
 * series, visits booked ahead, days off, cancellations, moves, no-shows, teammates covering for
 * each other, and the unplanned work that never was in the calendar the night before.
 */
public final class SchedulePlanner {
  private static final LocalTime DAY_START = LocalTime.of(8, 0);
  private static final LocalTime LAST_START = LocalTime.of(16, 30);
  private static final Duration TRAVEL = Duration.ofMinutes(30);

  private final Organisation organisation;
  private final Behaviour behaviour;
  private final long seed;
  private final LocalDate start;
  private final LocalDate end;
  private final LocalDate planStart;
  private final LocalDate planEnd;
  private final Instant exportedAt;

  public SchedulePlanner(
      Organisation organisation, Behaviour behaviour, long seed, LocalDate start, int days) {
    this.organisation = organisation;
    this.behaviour = behaviour;
    this.seed = seed;
    this.start = start;
    this.end = start.plusDays(days);
    this.planStart = start.minusDays(7);
    this.planEnd = end.plusDays(14);
    this.exportedAt = end.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** When the calendars were exported: nothing created or changed later is in them. */
  public Instant exportedAt() {
    return exportedAt;
  }

  public List<RepPlan> plan() {
    List<RepPlan> plans = new ArrayList<>();
    for (Rep rep : organisation.reps()) {
      plans.add(new RepPlanning(rep).plan());
    }
    for (RepPlan plan : plans) {
      assignCover(plan, plans);
    }
    for (RepPlan plan : plans) {
      addUnplanned(plan);
    }
    return plans;
  }

  /** Plans one rep's own calendar. */
  private final class RepPlanning {
    private final Rep rep;
    private final RepPlan plan;
    private final Rng rng;
    private final ZoneId zone;
    private final List<Integer> ownSites;
    private final List<Integer> otherSites;
    private int uids;

    RepPlanning(Rep rep) {
      this.rep = rep;
      this.plan = new RepPlan(rep);
      this.rng = Rng.of(seed, "schedule", rep.index());
      this.zone = rep.user().timezone();
      this.ownSites = organisation.sitesOf(rep);
      Set<Integer> own = new HashSet<>(ownSites);
      this.otherSites =
          organisation.sitesInMetro(rep.metroIndex()).stream()
              .filter(s -> !own.contains(s))
              .toList();
    }

    RepPlan plan() {
      planVacations();
      planAllDayEvents();
      planSeries();
      planOneOffs();
      return plan;
    }

    private void planVacations() {
      double weeks =
          behaviour.visits().vacationWeeksPerYear()
              * ChronoUnit.DAYS.between(planStart, planEnd)
              / 365.0;
      int count = rng.poisson(weeks);
      for (int i = 0; i < count; i++) {
        LocalDate monday =
            planStart
                .plusDays(rng.below((int) ChronoUnit.DAYS.between(planStart, planEnd)))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant created = at(monday.minusDays(rng.between(20, 60)), LocalTime.of(10, 0));
        plan.addAllDay(
            new AllDayItem(uid(), "Vacation", monday, monday.plusDays(5), created), true);
      }
    }

    private void planAllDayEvents() {
      double months = ChronoUnit.DAYS.between(planStart, planEnd) / 30.0;
      int count = rng.poisson(behaviour.visits().allDayEventsPerMonth() * months);
      for (int i = 0; i < count; i++) {
        LocalDate day =
            planStart.plusDays(rng.below((int) ChronoUnit.DAYS.between(planStart, planEnd)));
        if (!isWorkingDay(day) || plan.blocked(day)) {
          continue;
        }
        Instant created = at(day.minusDays(rng.between(7, 40)), LocalTime.of(11, 0));
        plan.addAllDay(
            new AllDayItem(uid(), rng.pick(Names.TRAININGS), day, day.plusDays(1), created), false);
      }
    }

    private void planSeries() {
      double target =
          behaviour.visits().perDay(rep.user().role()) * behaviour.visits().recurringShare();
      double load = 0;
      while (load < target) {
        double u = rng.uniform();
        Series.Frequency frequency =
            u < 0.3
                ? Series.Frequency.WEEKLY
                : u < 0.65 ? Series.Frequency.BIWEEKLY : Series.Frequency.MONTHLY;
        load +=
            switch (frequency) {
              case WEEKLY -> 0.2;
              case BIWEEKLY -> 0.1;
              case MONTHLY -> 12 / 260.0;
            };
        DayOfWeek weekday = DayOfWeek.of(rng.between(1, 5));
        int nth = rng.chance(0.2) ? -1 : rng.between(1, 4);
        LocalTime time = DAY_START.plusMinutes(30L * rng.between(0, 14));
        int minutes = 60 + 30 * rng.between(0, 2);
        LocalDate from = planStart.minusDays(rng.between(0, 84));
        LocalDate first =
            frequency == Series.Frequency.MONTHLY
                ? firstMonthly(from, weekday, nth)
                : from.with(TemporalAdjusters.nextOrSame(weekday));
        Optional<Integer> count = Optional.empty();
        Optional<LocalDate> until = Optional.empty();
        double ending = rng.uniform();
        if (ending < 0.25) {
          count = Optional.of(rng.between(4, 30));
        } else if (ending < 0.5) {
          until = Optional.of(first.plusDays(rng.between(30, 200)));
        }
        Instant created =
            at(first.minusDays(rng.between(3, 30)), LocalTime.of(9 + rng.below(8), 0));
        Series series =
            new Series(
                uid(),
                pickSite(),
                frequency,
                weekday,
                nth,
                first,
                time,
                minutes,
                count,
                until,
                frequency == Series.Frequency.MONTHLY && rng.chance(0.3),
                created);
        if (created.isAfter(exportedAt)) {
          continue;
        }
        plan.addSeries(series);
        for (LocalDate date : series.datesBetween(planStart, planEnd)) {
          if (plan.blocked(date)) {
            plan.addExdate(series.uid(), date);
            continue;
          }
          Instant startAt = at(date, time);
          addFinalised(
              series.siteIndex(),
              VisitKind.RECURRING,
              startAt,
              startAt.plus(Duration.ofMinutes(minutes)),
              created,
              Optional.of(series.uid()),
              true);
        }
      }
    }

    private LocalDate firstMonthly(LocalDate from, DayOfWeek weekday, int nth) {
      Series probe =
          new Series(
              "",
              0,
              Series.Frequency.MONTHLY,
              weekday,
              nth,
              from,
              LocalTime.NOON,
              60,
              Optional.empty(),
              Optional.empty(),
              false,
              Instant.EPOCH);
      LocalDate candidate = probe.inMonth(from.withDayOfMonth(1));
      return candidate.isBefore(from)
          ? probe.inMonth(from.plusMonths(1).withDayOfMonth(1))
          : candidate;
    }

    private void planOneOffs() {
      double perDay =
          behaviour.visits().perDay(rep.user().role()) * (1 - behaviour.visits().recurringShare());
      for (LocalDate date = planStart; date.isBefore(planEnd); date = date.plusDays(1)) {
        if (!isWorkingDay(date) || plan.blocked(date)) {
          continue;
        }
        int count = rng.poisson(perDay);
        for (int i = 0; i < count; i++) {
          int minutes = rng.chance(0.6) ? 60 : 90;
          Optional<Instant> slot = freeSlot(plan, date, minutes, rng);
          if (slot.isEmpty()) {
            break;
          }
          Instant startAt = slot.get();
          Instant created;
          if (rng.chance(behaviour.visits().sameDayBookingShare())) {
            created = startAt.minus(Duration.ofMinutes(rng.between(60, 180)));
          } else {
            created =
                at(
                    date.minusDays(rng.between(1, behaviour.visits().maxLeadDays())),
                    LocalTime.of(8 + rng.below(10), 5 * rng.below(12)));
          }
          if (created.isAfter(exportedAt)) {
            continue;
          }
          int site = pickSiteNotVisitedOn(date);
          addFinalised(
              site,
              VisitKind.ONE_OFF,
              startAt,
              startAt.plus(Duration.ofMinutes(minutes)),
              created,
              Optional.of(uid()),
              false);
        }
      }
    }

    /** Decides cancellation, move or no-show for a planned visit and adds it. */
    private void addFinalised(
        int site,
        VisitKind kind,
        Instant startAt,
        Instant endAt,
        Instant created,
        Optional<String> uid,
        boolean movable) {
      LocalDate date = startAt.atZone(zone).toLocalDate();
      Optional<Instant> cancelledAt = Optional.empty();
      Optional<Instant> movedAt = Optional.empty();
      Instant actualStart = startAt;
      Instant actualEnd = endAt;
      boolean noShow = false;
      double u = rng.uniform();
      if (u < behaviour.visits().cancellationRate()) {
        cancelledAt = keepIfExported(changeTime(date, startAt, created));
      } else if (movable
          && u < behaviour.visits().cancellationRate() + behaviour.visits().movedOccurrenceRate()) {
        movedAt = keepIfExported(changeTime(date, startAt, created));
        if (movedAt.isPresent()) {
          Duration length = Duration.between(startAt, endAt);
          LocalTime time = startAt.atZone(zone).toLocalTime();
          actualStart =
              time.plusHours(2).isBefore(LAST_START) && rng.chance(0.5)
                  ? startAt.plus(Duration.ofHours(2))
                  : at(nextWorkingDay(date), time);
          actualEnd = actualStart.plus(length);
        }
      } else if (rng.chance(behaviour.visits().noShowRate())) {
        noShow = true;
      }
      plan.addVisit(
          new Visit(
              rep.index(),
              site,
              kind,
              startAt,
              actualStart,
              actualEnd,
              Optional.of(created),
              cancelledAt,
              movedAt,
              noShow,
              uid));
    }

    /** When a cancellation or move was made: on the day itself for late ones, else days ahead. */
    private Optional<Instant> changeTime(LocalDate date, Instant startAt, Instant created) {
      Instant when;
      if (rng.chance(behaviour.visits().lateCancellationShare())) {
        when = at(date, LocalTime.of(6, 0).plusMinutes(rng.below(90)));
      } else {
        when =
            startAt.minus(Duration.ofDays(rng.between(1, 7))).minus(Duration.ofHours(rng.below(8)));
      }
      if (!when.isAfter(created) || !when.isBefore(startAt)) {
        return Optional.empty();
      }
      return Optional.of(when);
    }

    /** A change made after the export is not in the calendar, so for the data set it never was. */
    private Optional<Instant> keepIfExported(Optional<Instant> change) {
      return change.filter(t -> !t.isAfter(exportedAt));
    }

    private LocalDate nextWorkingDay(LocalDate date) {
      LocalDate next = date.plusDays(1);
      while (!isWorkingDay(next) || plan.blocked(next)) {
        next = next.plusDays(1);
      }
      return next;
    }

    private int pickSite() {
      boolean own =
          !ownSites.isEmpty()
              && (otherSites.isEmpty()
                  || rng.chance(behaviour.territories().inTerritoryVisitShare()));
      return weightedSite(own ? ownSites : otherSites, rng, rep.user().role());
    }

    private int pickSiteNotVisitedOn(LocalDate date) {
      Set<Integer> today = new HashSet<>();
      for (Visit v : plan.visitsOn(date)) {
        today.add(v.siteIndex());
      }
      for (int attempt = 0; attempt < 10; attempt++) {
        int site = pickSite();
        if (!today.contains(site)) {
          return site;
        }
      }
      return pickSite();
    }

    private String uid() {
      return uidFor(rep, uids++, rng);
    }

    private Instant at(LocalDate date, LocalTime time) {
      return date.atTime(time).atZone(zone).toInstant();
    }
  }

  /** Teammates of the same role take over a vacationing rep's recurring visits. */
  private void assignCover(RepPlan plan, List<RepPlan> plans) {
    Rep rep = plan.rep();
    Rng rng = Rng.of(seed, "cover", rep.index());
    List<RepPlan> teammates =
        organisation.repsInMetro(rep.metroIndex()).stream()
            .filter(i -> i != rep.index())
            .map(plans::get)
            .filter(p -> p.rep().user().role() == rep.user().role())
            .toList();
    if (teammates.isEmpty()) {
      return;
    }
    int uids = 0;
    for (Series series : plan.series()) {
      for (LocalDate date : plan.exdates(series.uid())) {
        if (!plan.onVacation(date)) {
          continue;
        }
        Instant vacationBooked =
            plan.allDays().stream()
                .filter(a -> !date.isBefore(a.first()) && date.isBefore(a.endExclusive()))
                .map(AllDayItem::created)
                .min(Instant::compareTo)
                .orElseThrow();
        RepPlan cover = teammates.get(rng.below(teammates.size()));
        if (cover.blocked(date) || vacationBooked.isAfter(exportedAt)) {
          continue;
        }
        Instant wanted = date.atTime(series.time()).atZone(cover.zone()).toInstant();
        Optional<Instant> slot =
            overlaps(cover, date, wanted, series.minutes())
                ? freeSlot(cover, date, series.minutes(), rng)
                : Optional.of(wanted);
        if (slot.isEmpty()) {
          continue;
        }
        cover.addVisit(
            new Visit(
                cover.rep().index(),
                series.siteIndex(),
                VisitKind.COVER,
                slot.get(),
                slot.get(),
                slot.get().plus(Duration.ofMinutes(series.minutes())),
                Optional.of(vacationBooked),
                Optional.empty(),
                Optional.empty(),
                rng.chance(behaviour.visits().noShowRate()),
                Optional.of(uidFor(cover.rep(), 100_000 + rep.index() * 1_000 + uids++, rng))));
      }
    }
  }

  /** Emergency calls and drop-ins near the day's planned work, inside the data set's period. */
  private void addUnplanned(RepPlan plan) {
    Rep rep = plan.rep();
    Rng rng = Rng.of(seed, "unplanned", rep.index());
    UserRole role = rep.user().role();
    double perDay = behaviour.unplanned().perDay(role);
    int uids = 0;
    for (LocalDate date = start; date.isBefore(end); date = date.plusDays(1)) {
      if (!isWorkingDay(date) || plan.blocked(date)) {
        continue;
      }
      int count = rng.poisson(perDay);
      for (int i = 0; i < count; i++) {
        List<Visit> planned = plan.visitsOn(date).stream().filter(Visit::happens).toList();
        GeoPoint anchor =
            planned.isEmpty()
                ? rep.user().home()
                : organisation
                    .site(planned.get(rng.below(planned.size())).siteIndex())
                    .account()
                    .location();
        Set<Integer> today = new HashSet<>();
        plan.visitsOn(date).forEach(v -> today.add(v.siteIndex()));
        Optional<Integer> site = nearbySite(rep.metroIndex(), anchor, today, rng, role);
        int minutes = role == UserRole.SERVICE ? 90 : 45;
        Optional<Instant> slot = freeSlot(plan, date, minutes, rng);
        if (site.isEmpty() || slot.isEmpty()) {
          continue;
        }
        boolean emergency = role == UserRole.SERVICE;
        Instant startAt = slot.get();
        Optional<Instant> known =
            emergency
                ? Optional.of(startAt.minus(Duration.ofMinutes(rng.between(30, 120))))
                : Optional.empty();
        plan.addVisit(
            new Visit(
                rep.index(),
                site.get(),
                emergency ? VisitKind.EMERGENCY : VisitKind.DROP_IN,
                startAt,
                startAt,
                startAt.plus(Duration.ofMinutes(minutes)),
                known,
                Optional.empty(),
                Optional.empty(),
                false,
                emergency ? Optional.of(uidFor(rep, 200_000 + uids++, rng)) : Optional.empty()));
      }
    }
  }

  /** A site within the nearby radius of {@code anchor}, busier customers more likely. */
  private Optional<Integer> nearbySite(
      int metro, GeoPoint anchor, Set<Integer> exclude, Rng rng, UserRole role) {
    double radiusKm = behaviour.unplanned().nearbyRadiusKm();
    List<Integer> near = new ArrayList<>();
    int nearest = -1;
    double nearestKm = Double.MAX_VALUE;
    for (int s : organisation.sitesInMetro(metro)) {
      if (exclude.contains(s)) {
        continue;
      }
      double km = approxKm(anchor, organisation.site(s).account().location());
      if (km <= radiusKm) {
        near.add(s);
      }
      if (km < nearestKm) {
        nearestKm = km;
        nearest = s;
      }
    }
    if (near.isEmpty()) {
      return nearest < 0 ? Optional.empty() : Optional.of(nearest);
    }
    return Optional.of(weightedSite(near, rng, role));
  }

  private int weightedSite(List<Integer> sites, Rng rng, UserRole role) {
    double[] weights = new double[sites.size()];
    for (int i = 0; i < weights.length; i++) {
      Site site = organisation.site(sites.get(i));
      weights[i] = site.activity() * (role == UserRole.SERVICE ? 1 + site.equipment().size() : 1.0);
    }
    return sites.get(rng.weighted(weights, weights.length));
  }

  /** The first start time that day with room for the visit and travel either side. */
  private static Optional<Instant> freeSlot(RepPlan plan, LocalDate date, int minutes, Rng rng) {
    int offset = rng.below(4);
    for (int k = 0; k < 18; k++) {
      LocalTime time = DAY_START.plusMinutes(30L * ((k + offset) % 18));
      if (time.isAfter(LAST_START)) {
        continue;
      }
      Instant candidate = date.atTime(time).atZone(plan.zone()).toInstant();
      if (!overlaps(plan, date, candidate, minutes)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean overlaps(RepPlan plan, LocalDate date, Instant startAt, int minutes) {
    Instant endAt = startAt.plus(Duration.ofMinutes(minutes));
    for (Visit v : plan.visitsOn(date)) {
      if (v.cancelledAt().isPresent()) {
        continue;
      }
      if (startAt.isBefore(v.end().plus(TRAVEL)) && v.start().isBefore(endAt.plus(TRAVEL))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** Google and Outlook write very different UIDs; the rep's program decides which. */
  private static String uidFor(Rep rep, int n, Rng rng) {
    String random = Long.toHexString(rng.nextLong()) + Long.toHexString(rng.nextLong());
    return switch (rep.style()) {
      case GOOGLE -> random.substring(0, 26) + "_" + rep.user().id() + "_" + n + "@google.com";
      case OUTLOOK ->
          ("040000008200E00074C5B7101A82E008000000000000000000000000000000000"
                  + String.format("%08X", rep.index())
                  + String.format("%08X", n)
                  + random)
              .toUpperCase(Locale.ROOT);
    };
  }

  private static double approxKm(GeoPoint a, GeoPoint b) {
    double dLat = (a.lat() - b.lat()) * 110.574;
    double dLon = (a.lon() - b.lon()) * 111.320 * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
    return Math.sqrt(dLat * dLat + dLon * dLon);
  }
}
