package dev.primer.core.day;

import dev.primer.core.appointments.Appointment;
import dev.primer.core.appointments.AppointmentSource;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.history.GlobalHistory;
import dev.primer.core.history.InteractionHistory;
import dev.primer.core.history.TeamHistory;
import dev.primer.core.history.UserHistory;
import dev.primer.core.visibility.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Builds day contexts, sharing the team and global views between users whose days start at the same
 * instant. Safe to call from several threads while the history is not being appended to.
 */
public final class DayContextFactory {
  private final InteractionHistory history;
  private final AppointmentSource appointments;
  private final IntFunction<Set<Integer>> pins;
  private final Visibility visibility;
  private final Map<Long, GlobalHistory> global = new ConcurrentHashMap<>();
  private final Map<String, TeamHistory> teams = new ConcurrentHashMap<>();

  public DayContextFactory(
      InteractionHistory history,
      AppointmentSource appointments,
      IntFunction<Set<Integer>> pins,
      Visibility visibility) {
    this.history = history;
    this.appointments = appointments;
    this.pins = pins;
    this.visibility = visibility;
  }

  public DayContextFactory(
      InteractionHistory history, AppointmentSource appointments, Visibility visibility) {
    this(history, appointments, u -> Set.of(), visibility);
  }

  /** The context of user {@code u} for {@code day}, as known when that day began for them. */
  public DayContext contextFor(int u, LocalDate day) {
    Catalog catalog = history.catalog();
    ZoneId zone = catalog.user(u).timezone();
    Instant asOf = day.atStartOfDay(zone).toInstant();
    Instant yesterdayStart = day.minusDays(1).atStartOfDay(zone).toInstant();
    Instant tomorrowStart = day.plusDays(1).atStartOfDay(zone).toInstant();
    Instant afterTomorrow = day.plusDays(2).atStartOfDay(zone).toInstant();
    List<Appointment> around = appointments.appointments(u, asOf, yesterdayStart, afterTomorrow);
    List<Appointment> yesterday = between(around, yesterdayStart, asOf);
    List<Appointment> today = between(around, asOf, tomorrowStart);
    List<Appointment> tomorrow = between(around, tomorrowStart, afterTomorrow);
    int team = catalog.team(u);
    return new DayContext(
        catalog,
        u,
        day,
        zone,
        asOf,
        yesterday,
        today,
        tomorrow,
        UserHistory.of(history, u, asOf, zone, day.getDayOfWeek()),
        teams.computeIfAbsent(team + "@" + asOf, k -> TeamHistory.of(history, team, asOf)),
        global.computeIfAbsent(asOf.getEpochSecond(), k -> GlobalHistory.of(history, asOf)),
        pins.apply(u),
        visibility.readableBy(u));
  }

  private static List<Appointment> between(List<Appointment> all, Instant from, Instant to) {
    return all.stream().filter(a -> !a.start().isBefore(from) && a.start().isBefore(to)).toList();
  }

  /** Forgets shared views; call after appending to the history. */
  public void clearCaches() {
    global.clear();
    teams.clear();
  }
}
