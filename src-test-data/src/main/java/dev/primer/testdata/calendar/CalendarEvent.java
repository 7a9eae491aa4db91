package dev.primer.testdata.calendar;

import dev.primer.territory.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One VEVENT to write: a single or recurring event, or an override of one occurrence.
 *
 * @param allDay for all-day events, their dates
 */
public record CalendarEvent(
    String uid,
    Optional<ZonedDateTime> recurrenceId,
    String summary,
    ZonedDateTime start,
    ZonedDateTime end,
    Optional<AllDay> allDay,
    Optional<Series> series,
    List<ZonedDateTime> exdates,
    boolean cancelled,
    Instant created,
    Instant lastModified,
    int sequence,
    String location,
    Optional<GeoPoint> geo,
    List<Attendee> attendees,
    String description,
    Optional<String> crmAccountId) {

  /** The dates of an all-day event: the first day and the day after the last. */
  public record AllDay(LocalDate first, LocalDate endExclusive) {}

  /** A meeting guest. */
  public record Attendee(String name, String email) {}
}
