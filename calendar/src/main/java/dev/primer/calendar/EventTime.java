package dev.primer.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A DATE or DATE-TIME value as the calendar wrote it: the wall-clock time and the zone that anchors
 * it. No zone means floating (and every DATE is floating): it is read in the user's zone.
 */
public record EventTime(LocalDateTime local, boolean date, Optional<EventZone> zone) {
  public EventTime {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(zone, "zone");
    if (date && zone.isPresent()) {
      throw new IllegalArgumentException("a DATE value has no zone, was " + zone.get().tzid());
    }
  }

  /** A DATE value: a whole day wherever the user is. */
  public static EventTime ofDate(LocalDate date) {
    return new EventTime(date.atStartOfDay(), true, Optional.empty());
  }

  /** A DATE-TIME anchored in a zone (UTC for values written with Z). */
  public static EventTime zoned(LocalDateTime local, EventZone zone) {
    return new EventTime(local, false, Optional.of(zone));
  }

  /** A DATE-TIME with neither Z nor TZID. */
  public static EventTime floating(LocalDateTime local) {
    return new EventTime(local, false, Optional.empty());
  }

  /** True when the value is read in the user's zone (DATE, or DATE-TIME without zone). */
  public boolean floating() {
    return zone.isEmpty();
  }

  /** The instant this value stands for, reading floating values in the given zone. */
  public Instant toInstant(ZoneId userZone) {
    if (date) {
      return local.toLocalDate().atStartOfDay(userZone).toInstant();
    }
    return zone.map(z -> z.toInstant(local))
        .orElseGet(() -> EventZone.resolve(local, userZone.getRules()));
  }

  /** The calendar date as written. */
  public LocalDate toLocalDate() {
    return local.toLocalDate();
  }
}
