package dev.primer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.calendar.RecurrenceRule.ByDay;
import dev.primer.calendar.RecurrenceRule.Frequency;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DtstartDefaultsTest {
  // A Thursday.
  private static final LocalDateTime DTSTART = LocalDateTime.of(2026, 3, 12, 9, 0);

  private static DtstartDefaults of(String rule) {
    RecurrenceRule parsed = RecurrenceRule.parse(rule);
    return DtstartDefaults.of(parsed, parsed.frequency(), DTSTART);
  }

  @Test
  void aPlainWeeklyRuleRepeatsDtstartsWeekday() {
    assertThat(of("FREQ=WEEKLY").days()).containsExactly(new ByDay(0, DayOfWeek.THURSDAY));
  }

  @Test
  void aWeeklyRuleWithItsOwnDaysKeepsThem() {
    assertThat(of("FREQ=WEEKLY;BYDAY=MO,FR").days())
        .containsExactly(new ByDay(0, DayOfWeek.MONDAY), new ByDay(0, DayOfWeek.FRIDAY));
  }

  @Test
  void aPlainMonthlyRuleRepeatsDtstartsDayOfTheMonth() {
    DtstartDefaults monthly = of("FREQ=MONTHLY");
    assertThat(monthly.monthDays()).containsExactly(12);
    assertThat(monthly.days()).isEmpty();
  }

  @Test
  void aPlainYearlyRuleRepeatsDtstartsMonthAndDay() {
    DtstartDefaults yearly = of("FREQ=YEARLY");
    assertThat(yearly.months()).containsExactly(3);
    assertThat(yearly.monthDays()).containsExactly(12);
  }

  @Test
  void aYearlyRuleByWeekNumberTakesDtstartsWeekday() {
    assertThat(of("FREQ=YEARLY;BYWEEKNO=20").days())
        .containsExactly(new ByDay(0, DayOfWeek.THURSDAY));
  }

  @Test
  void anAllDayRuleWalkedDailyDerivesNothing() {
    RecurrenceRule hourly = RecurrenceRule.parse("FREQ=HOURLY");
    DtstartDefaults daily = DtstartDefaults.of(hourly, Frequency.DAILY, DTSTART);
    assertThat(daily.months()).isEmpty();
    assertThat(daily.monthDays()).isEmpty();
    assertThat(daily.days()).isEmpty();
  }
}
