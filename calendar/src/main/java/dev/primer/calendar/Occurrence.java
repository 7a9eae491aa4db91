package dev.primer.calendar;

import dev.primer.territory.GeoPoint;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One appointment on the timeline, in the zone the expansion asked for. An all-day occurrence
 * starts and ends at midnight (the end is exclusive, as DTEND is). {@code recurrenceId} is the
 * instance's original start for every instance of a recurring event, moved or not, and empty for a
 * one-off. {@code geo} comes from GEO, else from a LOCATION that is a "lat,lon" pair.
 */
public record Occurrence(
    String uid,
    String summary,
    ZonedDateTime start,
    ZonedDateTime end,
    boolean allDay,
    EventStatus status,
    String location,
    Optional<GeoPoint> geo,
    List<String> attendees,
    Optional<String> organizer,
    String description,
    Optional<String> url,
    Map<String, List<String>> xProperties,
    Optional<ZonedDateTime> recurrenceId,
    Instant knownSince) {

  public Occurrence {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(geo, "geo");
    attendees = List.copyOf(attendees);
    Objects.requireNonNull(organizer, "organizer");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(url, "url");
    xProperties = Map.copyOf(xProperties);
    Objects.requireNonNull(recurrenceId, "recurrenceId");
    Objects.requireNonNull(knownSince, "knownSince");
  }

  static Occurrence of(
      CalendarEvent event,
      ZonedDateTime start,
      ZonedDateTime end,
      Optional<ZonedDateTime> recurrenceId) {
    return new Occurrence(
        event.uid(),
        event.summary(),
        start,
        end,
        event.start().date(),
        event.status(),
        event.location(),
        event.geo().or(() -> Coordinates.parse(event.location())),
        event.attendees(),
        event.organizer(),
        event.description(),
        event.url(),
        event.xProperties(),
        recurrenceId,
        event.knownSince());
  }

  /** The first value of an X- property (names are upper case), if present. */
  public Optional<String> xProperty(String name) {
    List<String> values = xProperties.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
