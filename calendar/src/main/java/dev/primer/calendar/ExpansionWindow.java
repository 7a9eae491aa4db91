package dev.primer.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The half-open interval [from, to) to expand over, and the user's zone: occurrences come out in it
 * and floating times (DATE values, DATE-TIMEs without zone) are read in it.
 */
public record ExpansionWindow(Instant from, Instant to, ZoneId zone) {
  public ExpansionWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to, was " + from + " >= " + to);
    }
  }

  /** Whole days from {@code first} up to but excluding {@code end}, midnight to midnight. */
  public static ExpansionWindow days(LocalDate first, LocalDate end, ZoneId zone) {
    return new ExpansionWindow(
        first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), zone);
  }

  /** One day in the user's zone. */
  public static ExpansionWindow day(LocalDate day, ZoneId zone) {
    return days(day, day.plusDays(1), zone);
  }

  /**
   * True when [start, end) overlaps the window; an instant event (end equal to start) belongs to it
   * when from ≤ start < to.
   */
  boolean overlaps(Instant start, Instant end) {
    return start.isBefore(to) && (end.isAfter(from) || !start.isBefore(from));
  }
}
