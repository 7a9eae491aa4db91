package dev.primer.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A calendar file as read: its VEVENTs (masters and overrides, one per UID and RECURRENCE-ID), the
 * problems found on the way, and the zone the calendar declares for itself (X-WR-TIMEZONE, else its
 * only VTIMEZONE, when either names a known zone).
 */
public record ParsedCalendar(
    String source, List<CalendarEvent> events, List<Problem> problems, Optional<ZoneId> zone) {
  public ParsedCalendar {
    Objects.requireNonNull(source, "source");
    events = List.copyOf(events);
    problems = List.copyOf(problems);
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * The calendar as it stood at {@code t}, for evaluating a day with only what was known before it
   * started. The file holds only the latest version of each VEVENT, so this is the rule:
   *
   * <ul>
   *   <li>a master whose CREATED (else DTSTAMP) is after {@code t} is absent, and so are its
   *       overrides;
   *   <li>an override (a moved or cancelled instance) whose LAST-MODIFIED (else CREATED, else
   *       DTSTAMP) is after {@code t} is ignored, so the original instance stands;
   *   <li>EXDATE and RDATE belong to the master and count as known whenever the master is;
   *   <li>a VEVENT without any of these timestamps counts as always known, and later edits of a
   *       master itself (a new time, a cancelled series) cannot be undone.
   * </ul>
   *
   * A timestamp equal to {@code t} counts as known.
   */
  public ParsedCalendar asOf(Instant t) {
    Set<String> masters =
        events.stream()
            .filter(e -> !e.isOverride())
            .map(CalendarEvent::uid)
            .collect(Collectors.toSet());
    Set<String> knownMasters =
        events.stream()
            .filter(e -> !e.isOverride() && !e.knownSince().isAfter(t))
            .map(CalendarEvent::uid)
            .collect(Collectors.toSet());
    List<CalendarEvent> known =
        events.stream()
            .filter(e -> !e.knownSince().isAfter(t))
            .filter(
                e ->
                    !e.isOverride() || knownMasters.contains(e.uid()) || !masters.contains(e.uid()))
            .toList();
    return new ParsedCalendar(source, known, problems, zone);
  }

  /** Expands with the default limits; see {@link CalendarExpander}. */
  public Expansion expand(ExpansionWindow window) {
    return CalendarExpander.withDefaults().expand(this, window);
  }
}
