package dev.primer.calendar;

import dev.primer.calendar.RecurrenceRule.ByDay;
import dev.primer.calendar.RecurrenceRule.Frequency;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A rule's BYMONTH, BYMONTHDAY and BYDAY with what the rule leaves out taken from DTSTART (RFC 5545
 * section 3.3.10: "information not contained in the rule ... is derived from DTSTART"): a plain
 * FREQ=WEEKLY repeats DTSTART's weekday, a plain FREQ=MONTHLY its day of the month, a plain
 * FREQ=YEARLY its month and day.
 */
record DtstartDefaults(List<Integer> months, List<Integer> monthDays, List<ByDay> days) {
  DtstartDefaults {
    months = List.copyOf(months);
    monthDays = List.copyOf(monthDays);
    days = List.copyOf(days);
  }

  /** {@code frequency} is the one the iterator walks (all-day rules walk at least daily). */
  static DtstartDefaults of(RecurrenceRule rule, Frequency frequency, LocalDateTime dtstart) {
    List<Integer> months = rule.byMonth();
    List<Integer> monthDays = rule.byMonthDay();
    List<ByDay> days = rule.byDay();
    boolean noDayRule =
        rule.byDay().isEmpty()
            && rule.byMonthDay().isEmpty()
            && rule.byYearDay().isEmpty()
            && rule.byWeekNo().isEmpty();
    switch (frequency) {
      case YEARLY -> {
        if (noDayRule) {
          if (months.isEmpty()) {
            months = List.of(dtstart.getMonthValue());
          }
          monthDays = List.of(dtstart.getDayOfMonth());
        } else if (!rule.byWeekNo().isEmpty()
            && rule.byDay().isEmpty()
            && rule.byMonthDay().isEmpty()
            && rule.byYearDay().isEmpty()) {
          days = List.of(new ByDay(0, dtstart.getDayOfWeek()));
        }
      }
      case MONTHLY -> {
        if (rule.byDay().isEmpty() && rule.byMonthDay().isEmpty() && rule.byYearDay().isEmpty()) {
          monthDays = List.of(dtstart.getDayOfMonth());
        }
      }
      case WEEKLY -> {
        if (rule.byDay().isEmpty()) {
          days = List.of(new ByDay(0, dtstart.getDayOfWeek()));
        }
      }
      default -> {
        // DAILY and shorter periods hold a single day: day rules only filter it.
      }
    }
    return new DtstartDefaults(months, monthDays, days);
  }
}
