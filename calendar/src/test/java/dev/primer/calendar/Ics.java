package dev.primer.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Builds small calendars for tests: lines joined with CRLF inside a VCALENDAR. */
final class Ics {
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private Ics() {}

  static String calendar(String... lines) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Primer//tests//EN\r\n"
        + String.join("\r\n", lines)
        + "\r\nEND:VCALENDAR\r\n";
  }

  static ParsedCalendar parse(String... lines) {
    return CalendarParser.parse(calendar(lines), "test.ics");
  }

  static Expansion expand(ParsedCalendar calendar, String first, String end, String zone) {
    return calendar.expand(
        ExpansionWindow.days(LocalDate.parse(first), LocalDate.parse(end), ZoneId.of(zone)));
  }

  /** Starts as ISO-8601 with offset, e.g. 2026-03-09T09:00-05:00. */
  static List<String> starts(List<Occurrence> occurrences) {
    return occurrences.stream().map(o -> o.start().toOffsetDateTime().toString()).toList();
  }
}
