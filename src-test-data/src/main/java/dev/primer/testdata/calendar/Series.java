package dev.primer.testdata.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recurring visit series, limited to the rules real reps set up: weekly or every other week on
 * one weekday, or monthly on the n-th (or last) weekday; open-ended, or ended by COUNT or UNTIL.
 *
 * @param nth for monthly series: 1..4, or -1 for the last such weekday of the month
 * @param created when the rep put the series in the calendar
 */
public record Series(
    String uid,
    int siteIndex,
    Frequency frequency,
    DayOfWeek weekday,
    int nth,
    LocalDate firstDate,
    LocalTime time,
    int minutes,
    Optional<Integer> count,
    Optional<LocalDate> until,
    boolean bySetPos,
    Instant created) {

  /** How often the series repeats. */
  public enum Frequency {
    WEEKLY,
    BIWEEKLY,
    MONTHLY
  }

  /** The occurrence dates in [from, to), honouring COUNT and UNTIL from the first date. */
  public List<LocalDate> datesBetween(LocalDate from, LocalDate to) {
    List<LocalDate> dates = new ArrayList<>();
    int produced = 0;
    for (LocalDate d = firstDate; d.isBefore(to); d = next(d)) {
      if (count.isPresent() && produced >= count.get()) {
        break;
      }
      if (until.isPresent() && d.isAfter(until.get())) {
        break;
      }
      produced++;
      if (!d.isBefore(from)) {
        dates.add(d);
      }
    }
    return dates;
  }

  private LocalDate next(LocalDate d) {
    return switch (frequency) {
      case WEEKLY -> d.plusWeeks(1);
      case BIWEEKLY -> d.plusWeeks(2);
      case MONTHLY -> inMonth(d.plusMonths(1).withDayOfMonth(1));
    };
  }

  /** The series' day in the month of {@code anyDayOfMonth}. */
  LocalDate inMonth(LocalDate anyDayOfMonth) {
    return nth < 0
        ? anyDayOfMonth.with(TemporalAdjusters.lastInMonth(weekday))
        : anyDayOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
  }

  /** The RRULE value, with UNTIL rendered as {@code untilUtc} when the series has one. */
  public String rrule(String untilUtc, boolean outlook) {
    StringBuilder rule = new StringBuilder("FREQ=");
    String day = weekday.name().substring(0, 2);
    switch (frequency) {
      case WEEKLY -> rule.append("WEEKLY");
      case BIWEEKLY -> rule.append("WEEKLY");
      case MONTHLY -> rule.append("MONTHLY");
    }
    if (until.isPresent()) {
      rule.append(";UNTIL=").append(untilUtc);
    }
    count.ifPresent(c -> rule.append(";COUNT=").append(c));
    if (frequency == Frequency.BIWEEKLY) {
      rule.append(";INTERVAL=2");
    }
    if (frequency == Frequency.MONTHLY) {
      if (bySetPos) {
        rule.append(";BYDAY=").append(day).append(";BYSETPOS=").append(nth);
      } else {
        rule.append(";BYDAY=").append(nth).append(day);
      }
    } else {
      rule.append(";BYDAY=").append(day);
    }
    if (outlook && frequency != Frequency.MONTHLY) {
      rule.append(";WKST=SU");
    }
    return rule.toString();
  }
}
