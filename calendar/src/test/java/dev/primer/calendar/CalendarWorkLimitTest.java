package dev.primer.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** One calendar's expansion does bounded work however many runaway rules it holds. */
class CalendarWorkLimitTest {
  private static ParsedCalendar secondly(int events) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      lines.addAll(
          List.of(
              "BEGIN:VEVENT",
              "UID:bomb-" + i,
              "DTSTART:20260301T000000Z",
              "RRULE:FREQ=SECONDLY",
              "END:VEVENT"));
    }
    return Ics.parse(lines.toArray(String[]::new));
  }

  @Test
  void aCalendarOfManySecondlyRulesStopsAtTheWorkLimitAndSaysHowManyEventsWereLeft() {
    ParsedCalendar bomb = secondly(2_000);
    ExpansionWindow day = ExpansionWindow.day(LocalDate.of(2026, 3, 2), ZoneId.of("UTC"));

    long t0 = System.nanoTime();
    Expansion expansion = CalendarExpander.withDefaults().expand(bomb, day);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    Truncation work =
        expansion.truncations().stream()
            .filter(t -> t.reason() == Truncation.Reason.WORK_LIMIT)
            .findFirst()
            .orElseThrow();
    // Each event walks over 10,000 periods (1,000 kept, 10,000 counted past the per-event
    // limit), so fewer than a hundred fit in the million steps of the default limit.
    assertThat(work.omitted()).isBetween(1_900L, 1_999L);
    assertThat(work.describe()).contains("events were not expanded");
    assertThat(took).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void anInterruptedExpansionStopsBetweenEvents() {
    ParsedCalendar bomb = secondly(20);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () ->
                  CalendarExpander.withDefaults()
                      .expand(
                          bomb,
                          new ExpansionWindow(
                              Instant.parse("2026-03-02T00:00:00Z"),
                              Instant.parse("2026-03-03T00:00:00Z"),
                              ZoneId.of("UTC"))))
          .isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
