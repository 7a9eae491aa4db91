package dev.primer.core.day;

import dev.primer.core.appointments.Appointment;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.history.GlobalHistory;
import dev.primer.core.history.TeamHistory;
import dev.primer.core.history.UserHistory;
import dev.primer.core.visibility.ReadableAccounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Everything known about one user before one day began: the calendar around it and the history up
 * to that moment. Selectors see the world only through this, so nothing of the day itself can leak
 * into a prediction.
 *
 * @param asOf the start of {@code day} in the user's zone; nothing at or after it is visible
 * @param yesterday appointments of the day before (for follow-ups)
 * @param today appointments of the day
 * @param tomorrow appointments of the next day (for preparation the evening before)
 * @param pins records an admin pinned to this user's devices
 * @param readable what the user may read: nothing else is ever proposed or selected
 */
public record DayContext(
    Catalog catalog,
    int user,
    LocalDate day,
    ZoneId zone,
    Instant asOf,
    List<Appointment> yesterday,
    List<Appointment> today,
    List<Appointment> tomorrow,
    UserHistory userHistory,
    TeamHistory teamHistory,
    GlobalHistory globalHistory,
    Set<Integer> pins,
    ReadableAccounts readable) {
  public DayContext {
    yesterday = List.copyOf(yesterday);
    today = List.copyOf(today);
    tomorrow = List.copyOf(tomorrow);
    pins = Set.copyOf(pins);
  }
}
