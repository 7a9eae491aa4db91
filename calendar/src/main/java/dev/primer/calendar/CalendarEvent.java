package dev.primer.calendar;

import dev.primer.territory.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One VEVENT as parsed: a master (no RECURRENCE-ID), possibly recurring, or an override of one
 * instance of a master with the same UID. Texts are unescaped; absent texts are empty strings.
 */
public record CalendarEvent(
    String uid,
    int line,
    int sequence,
    EventTime start,
    Optional<EventTime> end,
    Optional<EventDuration> duration,
    Optional<RecurrenceRule> rule,
    List<RecurrenceDate> recurrenceDates,
    List<EventTime> exceptionDates,
    Optional<EventTime> recurrenceId,
    EventStatus status,
    String summary,
    String location,
    Optional<GeoPoint> geo,
    String description,
    Optional<String> url,
    Optional<String> organizer,
    List<String> attendees,
    Map<String, List<String>> xProperties,
    Optional<Instant> created,
    Optional<Instant> stamp,
    Optional<Instant> lastModified) {

  public CalendarEvent {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(rule, "rule");
    recurrenceDates = List.copyOf(recurrenceDates);
    exceptionDates = List.copyOf(exceptionDates);
    Objects.requireNonNull(recurrenceId, "recurrenceId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(geo, "geo");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(organizer, "organizer");
    attendees = List.copyOf(attendees);
    xProperties = Map.copyOf(xProperties);
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(stamp, "stamp");
    Objects.requireNonNull(lastModified, "lastModified");
  }

  /** True for an override of one instance (it has a RECURRENCE-ID). */
  public boolean isOverride() {
    return recurrenceId.isPresent();
  }

  /** True for a master with RRULE or RDATE. */
  public boolean isRecurring() {
    return rule.isPresent() || !recurrenceDates.isEmpty();
  }

  /**
   * When this VEVENT became known, for {@link ParsedCalendar#asOf}: a master counts from CREATED
   * (else DTSTAMP), an override from LAST-MODIFIED (else CREATED, else DTSTAMP) because that is
   * when the move or cancellation happened. {@link Instant#MIN} when the calendar gives no
   * timestamp.
   */
  public Instant knownSince() {
    Optional<Instant> known =
        isOverride() ? lastModified.or(() -> created).or(() -> stamp) : created.or(() -> stamp);
    return known.orElse(Instant.MIN);
  }

  /** The first value of an X- property (names are upper case), if present. */
  public Optional<String> xProperty(String name) {
    List<String> values = xProperties.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
