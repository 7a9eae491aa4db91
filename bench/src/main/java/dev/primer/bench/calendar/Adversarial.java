package dev.primer.bench.calendar;

import java.util.List;

/** Small calendars that try to make an engine hang, lose events or misread a rule. */
final class Adversarial {
  private Adversarial() {}

  /** One adversarial calendar and what it tries. */
  record Case(String name, String tries, String ics) {}

  static List<Case> cases() {
    return List.of(
        new Case(
            "secondly-count-1e8",
            "FREQ=SECONDLY;COUNT=100000000 from 1970, window one day of 2026",
            calendar(
                event("s", "DTSTART:19700101T000000Z", "RRULE:FREQ=SECONDLY;COUNT=100000000"))),
        new Case(
            "minutely-endless",
            "FREQ=MINUTELY without end from 1990, window one day of 2026",
            calendar(event("m", "DTSTART:19900101T000000Z", "RRULE:FREQ=MINUTELY"))),
        new Case(
            "never-matches",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30: no date ever matches",
            calendar(
                event(
                    "n", "DTSTART:20260101T090000Z", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"))),
        new Case(
            "weekly-bymonth-12",
            "FREQ=WEEKLY;BYMONTH=12;BYDAY=TH from 2026-12-03: only December Thursdays",
            calendar(
                event("w", "DTSTART:20261203T090000Z", "RRULE:FREQ=WEEKLY;BYMONTH=12;BYDAY=TH"))),
        new Case(
            "one-bad-dtstart",
            "three events, the second with DTSTART:2026-13-45",
            calendar(
                event("a", "DTSTART:20260302T090000Z"),
                event("b", "DTSTART:20261345T090000Z"),
                event("c", "DTSTART:20260304T090000Z"))),
        new Case(
            "one-bad-rrule",
            "three events, the second with RRULE:FREQ=FORTNIGHTLY",
            calendar(
                event("a", "DTSTART:20260302T090000Z"),
                event("b", "DTSTART:20260303T090000Z", "RRULE:FREQ=FORTNIGHTLY"),
                event("c", "DTSTART:20260304T090000Z"))),
        new Case(
            "one-bad-line",
            "three events, the second with a line that has no colon",
            calendar(
                event("a", "DTSTART:20260302T090000Z"),
                event("b", "DTSTART:20260303T090000Z", "THIS LINE HAS NO COLON"),
                event("c", "DTSTART:20260304T090000Z"))),
        new Case(
            "windows-zone-no-vtimezone",
            "TZID=Central Standard Time with no VTIMEZONE (Outlook's habit): 09:00 Chicago",
            calendar(event("z", "DTSTART;TZID=Central Standard Time:20260302T090000"))),
        new Case(
            "missing-end-vevent",
            "a VEVENT that never ends before END:VCALENDAR, after a good one",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"
                + String.join("\r\n", event("a", "DTSTART:20260302T090000Z"))
                + "\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260303T090000Z\r\nEND:VCALENDAR\r\n"));
  }

  private static List<String> event(String uid, String... lines) {
    var out = new java.util.ArrayList<String>();
    out.add("BEGIN:VEVENT");
    out.add("UID:" + uid);
    out.add("DTSTAMP:20260101T000000Z");
    out.addAll(List.of(lines));
    out.add("DURATION:PT1H");
    out.add("SUMMARY:" + uid);
    out.add("END:VEVENT");
    return out;
  }

  @SafeVarargs
  private static String calendar(List<String>... events) {
    StringBuilder out =
        new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Primer//bench//EN\r\n");
    for (List<String> e : events) {
      out.append(String.join("\r\n", e)).append("\r\n");
    }
    return out.append("END:VCALENDAR\r\n").toString();
  }
}
