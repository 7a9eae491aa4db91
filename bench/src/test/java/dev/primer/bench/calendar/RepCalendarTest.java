package dev.primer.bench.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.Expansion;
import dev.primer.calendar.ExpansionWindow;
import dev.primer.calendar.ParsedCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The calendar {@link ExpansionBench} measures is the typical rep calendar it claims to be. */
class RepCalendarTest {
  private final ParsedCalendar calendar = CalendarParser.parse(RepCalendar.text(3), "rep.ics");

  @Test
  void readsWithoutProblemsIntoFourHundredAndEightyComponents() {
    assertThat(calendar.problems()).isEmpty();
    // 60 series, their 60 moved instances, 350 one-offs and 10 month-end rules.
    assertThat(calendar.events()).hasSize(480);
  }

  @Test
  void aFortnightHoldsDozensOfVisitsWithNothingTruncated() {
    Expansion fortnight =
        calendar.expand(
            ExpansionWindow.days(
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), ZoneId.of("America/Chicago")));

    assertThat(fortnight.occurrences()).hasSizeGreaterThan(40);
    assertThat(fortnight.truncations()).isEmpty();
    assertThat(fortnight.occurrences())
        .allSatisfy(o -> assertThat(o.start().getZone()).isEqualTo(ZoneId.of("America/Chicago")));
  }

  @Test
  void theSameSeedGivesTheSameCalendar() {
    assertThat(RepCalendar.text(3))
        .isEqualTo(RepCalendar.text(3))
        .isNotEqualTo(RepCalendar.text(4));
  }
}
