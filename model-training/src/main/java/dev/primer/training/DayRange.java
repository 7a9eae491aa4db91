package dev.primer.training;

import dev.primer.core.dataset.DataSetInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of data set days, written {@code A..B} with 1-based day numbers ({@code
 * 1..75}) or ISO dates ({@code 2026-02-02..2026-04-17}).
 */
public record DayRange(LocalDate from, LocalDate to) {
  public DayRange {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("day range " + from + ".." + to + " is empty");
    }
  }

  /** Parses {@code text} against the data set, checking the days lie inside it. */
  public static DayRange parse(String text, DataSetInfo info, String option) {
    String[] parts = text.split("\\.\\.", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException(
          option
              + " must look like A..B (day numbers like 1..75, or ISO dates), was '"
              + text
              + "'");
    }
    LocalDate from = day(parts[0].trim(), info, option);
    LocalDate to = day(parts[1].trim(), info, option);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(option + " " + text + " ends before it starts");
    }
    if (from.isBefore(info.startDate()) || !to.isBefore(info.endDate())) {
      throw new IllegalArgumentException(
          option
              + " "
              + text
              + " lies outside the data set, which has days 1.."
              + info.days()
              + " ("
              + info.startDate()
              + ".."
              + info.endDate().minusDays(1)
              + ")");
    }
    return new DayRange(from, to);
  }

  private static LocalDate day(String text, DataSetInfo info, String option) {
    if (text.matches("-?\\d+")) {
      return info.startDate().plusDays(Long.parseLong(text) - 1);
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + ": '" + text + "' is neither a day number nor an ISO date");
    }
  }

  public boolean overlaps(DayRange other) {
    return !to.isBefore(other.from) && !other.to.isBefore(from);
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  @Override
  public String toString() {
    return from + ".." + to;
  }
}
