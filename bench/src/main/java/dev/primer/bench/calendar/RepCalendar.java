package dev.primer.bench.calendar;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A rep's calendar as Outlook exports it: 60 weekly series with an EXDATE and a moved instance, 350
 * one-off visits and 10 "last weekday of the month" rules over two years, in Central time.
 */
public final class RepCalendar {
  private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private RepCalendar() {}

  /** The calendar's text for a seed; the same seed gives the same text. */
  public static String text(long seed) {
    Random random = new Random(seed);
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
              "DTSTAMP:20240101T000000Z",
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
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Primer//bench//EN\r\n"
        + String.join("\r\n", lines)
        + "\r\nEND:VCALENDAR\r\n";
  }

  private static List<String> event(String uid, LocalDateTime start, String... extra) {
    List<String> lines = new ArrayList<>();
    lines.add("BEGIN:VEVENT");
    lines.add("UID:" + uid);
    lines.add("DTSTAMP:20240101T000000Z");
    lines.add("DTSTART;TZID=Central Standard Time:" + ICS.format(start));
    lines.add("DTEND;TZID=Central Standard Time:" + ICS.format(start.plusHours(1)));
    lines.add("SUMMARY:Customer visit " + uid);
    lines.addAll(List.of(extra));
    lines.add("END:VEVENT");
    return lines;
  }
}
