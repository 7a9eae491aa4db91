package dev.primer.calendar;

import java.time.Duration;
import java.util.Objects;

/**
 * A DURATION value (RFC 5545 section 3.3.6): whole days (weeks count as seven) are nominal and keep
 * the wall-clock time across DST; the hours, minutes and seconds are exact.
 */
public record EventDuration(int days, Duration time) {
  public EventDuration {
    if (days < 0) {
      throw new IllegalArgumentException("days must be >= 0, was " + days);
    }
    Objects.requireNonNull(time, "time");
    if (time.isNegative()) {
      throw new IllegalArgumentException("time must be >= 0, was " + time);
    }
  }
}
