package dev.primer.core.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A --from or --to value: a date (midnight in the window's zone), a date-time with offset (an
 * instant), or a date-time without offset (read in the window's zone).
 */
sealed interface WindowEdge {
  Instant at(ZoneId zone);

  /** A date: midnight in the window's zone. */
  record Day(LocalDate date) implements WindowEdge {
    @Override
    public Instant at(ZoneId zone) {
      return date.atStartOfDay(zone).toInstant();
    }
  }

  /** A date-time with offset: one instant whatever the zone. */
  record Moment(Instant instant) implements WindowEdge {
    @Override
    public Instant at(ZoneId zone) {
      return instant;
    }
  }

  /** A date-time without offset: read in the window's zone. */
  record WallClock(LocalDateTime local) implements WindowEdge {
    @Override
    public Instant at(ZoneId zone) {
      return local.atZone(zone).toInstant();
    }
  }

  /**
   * The edge {@code text} names.
   *
   * @throws DateTimeParseException when the text is none of the three forms
   */
  static WindowEdge parse(String text) {
    String value = text.trim();
    if (!value.contains("T")) {
      return new Day(LocalDate.parse(value));
    }
    try {
      return new Moment(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return new WallClock(LocalDateTime.parse(value));
    }
  }
}
