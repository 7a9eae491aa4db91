package dev.primer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A rep's calendar of a few hundred events, two years deep, expands over a fortnight in
 * milliseconds. The bound is forty times what it takes on a 2-core build machine, so only an
 * algorithmic regression (walking every recurrence from DTSTART, say) trips it.
 */
class ExpansionSpeedTest {
  private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  @Test
  void aTypicalRepCalendarExpandsOverTwoWeeksInMilliseconds() {
    ParsedCalendar calendar = CalendarParser.parse(repCalendar(new Random(3)), "rep.ics");
    var window =
        ExpansionWindow.days(
            LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), ZoneId.of("America/Chicago"));
    for (int i = 0; i < 200; i++) {
      calendar.expand(window);
    }

    long[] nanos = new long[51];
    Expansion expansion = null;
    for (int i = 0; i < nanos.length; i++) {
      long started = System.nanoTime();
      expansion = calendar.expand(window);
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);

    assertThat(calendar.events()).hasSizeGreaterThan(400);
    assertThat(expansion.occurrences()).hasSizeGreaterThan(40);
    assertThat(Duration.ofNanos(nanos[nanos.length / 2])).isLessThan(Duration.ofMillis(20));
  }

  private static String repCalendar(Random random) {
    List<String> lines = new ArrayList<>();
    LocalDateTime base = LocalDateTime.of(2024, 3, 1, 8, 0);
    String[] weekdays = {"MO", "TU", "WE", "TH", "FR"};
    for (int i = 0; i < 60; i++) {
      LocalDateTime start = base.plusDays(random.nextInt(500)).plusHours(random.nextInt(9));
      lines.addAll(
          event(
              "visit-" + i,
              start,
              "RRULE:FREQ=WEEKLY;INTERVAL="
                  + (1 + random.nextInt(4))
                  + ";BYDAY="
                  + weekdays[random.nextInt(5)],
              "EXDATE;TZID=Central Standard Time:" + ICS.format(start.plusWeeks(3))));
      LocalDateTime moved = start.plusWeeks(1 + random.nextInt(100));
      lines.addAll(
          List.of(
              "BEGIN:VEVENT",
              "UID:visit-" + i,
              "RECURRENCE-ID;TZID=Central Standard Time:" + ICS.format(moved),
              "DTSTART;TZID=Central Standard Time:" + ICS.format(moved.plusHours(3)),
              "DURATION:PT1H",
              "END:VEVENT"));
    }
    for (int i = 0; i < 350; i++) {
      lines.addAll(
          event("one-" + i, base.plusDays(random.nextInt(760)).plusHours(random.nextInt(9))));
    }
    for (int i = 0; i < 10; i++) {
      lines.addAll(
          event(
              "month-end-" + i,
              base.plusDays(random.nextInt(300)),
              "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"));
    }
    return Ics.calendar(lines.toArray(String[]::new));
  }

  private static List<String> event(String uid, LocalDateTime start, String... extra) {
    List<String> lines = new ArrayList<>();
    lines.add("BEGIN:VEVENT");
    lines.add("UID:" + uid);
    lines.add("DTSTART;TZID=Central Standard Time:" + ICS.format(start));
    lines.add("DTEND;TZID=Central Standard Time:" + ICS.format(start.plusHours(1)));
    lines.add("SUMMARY:Customer visit " + uid);
    lines.addAll(List.of(extra));
    lines.add("END:VEVENT");
    return lines;
  }
}
