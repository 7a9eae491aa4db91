package dev.primer.calendar;

import java.util.Objects;
import java.util.Optional;

/**
 * One RDATE value: an extra start, and for PERIOD values its own end or duration (otherwise the
 * instance lasts as long as the event).
 */
public record RecurrenceDate(
    EventTime start, Optional<EventTime> end, Optional<EventDuration> duration) {
  public RecurrenceDate {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(duration, "duration");
  }

  /** An RDATE that is a plain date or date-time. */
  public static RecurrenceDate at(EventTime start) {
    return new RecurrenceDate(start, Optional.empty(), Optional.empty());
  }
}
