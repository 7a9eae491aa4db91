package dev.primer.protocol.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * A rep's hit rate per day from their devices' telemetry ({@code GET
 * /v1/admin/users/{id}/hit-rate}): of the records opened, how many the device held.
 *
 * @param userId the rep
 * @param timezone the rep's time zone, in which the days are counted
 * @param days every day of the window, oldest first, days without telemetry included
 */
public record HitRateHistory(String userId, String timezone, List<Day> days) {
  /** Absent values become empty ones. */
  public HitRateHistory {
    userId = Objects.requireNonNullElse(userId, "");
    timezone = Objects.requireNonNullElse(timezone, "");
    days = List.copyOf(Objects.requireNonNullElse(days, List.of()));
  }

  /**
   * One day's accesses.
   *
   * @param day the date, ISO-8601
   * @param hits records opened that the device held
   * @param misses records opened that it did not
   */
  public record Day(String day, long hits, long misses) {}
}
