package dev.primer.testdata.calendar;

import dev.primer.testdata.org.Rep;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything planned for one rep: series, exceptions, single visits and days off. */
public final class RepPlan {
  private final Rep rep;
  private final List<Series> series = new ArrayList<>();
  private final Map<String, List<LocalDate>> exdates = new HashMap<>();
  private final List<Visit> visits = new ArrayList<>();
  private final List<AllDayItem> allDays = new ArrayList<>();
  private final Set<LocalDate> vacation = new HashSet<>();
  private final Set<LocalDate> blocked = new HashSet<>();
  private final Map<LocalDate, List<Visit>> byDate = new HashMap<>();

  RepPlan(Rep rep) {
    this.rep = rep;
  }

  public Rep rep() {
    return rep;
  }

  public ZoneId zone() {
    return rep.user().timezone();
  }

  public List<Series> series() {
    return Collections.unmodifiableList(series);
  }

  /** The dates removed from a series with EXDATE (days off planned well ahead). */
  public List<LocalDate> exdates(String seriesUid) {
    return exdates.getOrDefault(seriesUid, List.of());
  }

  public List<Visit> visits() {
    return Collections.unmodifiableList(visits);
  }

  public List<AllDayItem> allDays() {
    return Collections.unmodifiableList(allDays);
  }

  /** Visits whose (actual, or for cancelled ones planned) start falls on {@code date}. */
  public List<Visit> visitsOn(LocalDate date) {
    return byDate.getOrDefault(date, List.of());
  }

  public boolean onVacation(LocalDate date) {
    return vacation.contains(date);
  }

  /** Vacation or an all-day event: no customer visits that day. */
  public boolean blocked(LocalDate date) {
    return blocked.contains(date);
  }

  void addSeries(Series s) {
    series.add(s);
  }

  void addExdate(String seriesUid, LocalDate date) {
    exdates.computeIfAbsent(seriesUid, k -> new ArrayList<>()).add(date);
  }

  void addAllDay(AllDayItem item, boolean isVacation) {
    allDays.add(item);
    for (LocalDate d = item.first(); d.isBefore(item.endExclusive()); d = d.plusDays(1)) {
      blocked.add(d);
      if (isVacation) {
        vacation.add(d);
      }
    }
  }

  void addVisit(Visit visit) {
    visits.add(visit);
    LocalDate date =
        (visit.cancelledAt().isPresent() ? visit.plannedStart() : visit.start())
            .atZone(zone())
            .toLocalDate();
    byDate.computeIfAbsent(date, k -> new ArrayList<>()).add(visit);
  }
}
