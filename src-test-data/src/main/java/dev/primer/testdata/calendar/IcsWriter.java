package dev.primer.testdata.calendar;

import dev.primer.core.dataset.User;
import dev.primer.testdata.org.CalendarStyle;
import dev.primer.testdata.org.Rep;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a rep's calendar as their program exports it: RFC 5545 text with CRLF line ends and lines
 * folded at 75 octets, in Google Calendar's or Outlook's dialect.
 */
public final class IcsWriter {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Instant exportedAt;

  public IcsWriter(Instant exportedAt) {
    this.exportedAt = exportedAt;
  }

  public void write(Rep rep, String windowsZone, List<CalendarEvent> events, Writer out)
      throws IOException {
    boolean google = rep.style() == CalendarStyle.GOOGLE;
    User user = rep.user();
    String tzid = google ? user.timezone().getId() : windowsZone;
    List<String> lines = new ArrayList<>();
    lines.add("BEGIN:VCALENDAR");
    if (google) {
      lines.add("PRODID:-//Google Inc//Google Calendar 70.9054//EN");
      lines.add("VERSION:2.0");
      lines.add("CALSCALE:GREGORIAN");
      lines.add("METHOD:PUBLISH");
      lines.add("X-WR-CALNAME:" + text(user.email()));
      lines.add("X-WR-TIMEZONE:" + user.timezone().getId());
    } else {
      lines.add("PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN");
      lines.add("VERSION:2.0");
      lines.add("METHOD:PUBLISH");
      lines.add("X-MS-OLK-FORCEINSPECTOROPEN:TRUE");
      lines.add("X-WR-CALNAME:Calendar");
    }
    lines.addAll(VTimezones.lines(user.timezone(), tzid, google ? 1970 : 1601, google));
    for (CalendarEvent event : events) {
      lines.addAll(google ? googleEvent(event, user, tzid) : outlookEvent(event, user, tzid));
    }
    lines.add("END:VCALENDAR");
    for (String line : lines) {
      out.write(fold(line));
    }
  }

  private List<String> googleEvent(CalendarEvent e, User user, String tzid) {
    List<String> l = new ArrayList<>();
    String tz = ";TZID=" + tzid;
    l.add("BEGIN:VEVENT");
    times(e, tz, l);
    e.series().ifPresent(s -> l.add("RRULE:" + s.rrule(until(s, e), false)));
    for (ZonedDateTime ex : e.exdates()) {
      l.add("EXDATE" + tz + ":" + LOCAL.format(ex));
    }
    l.add("DTSTAMP:" + UTC.format(exportedAt));
    l.add("ORGANIZER;CN=" + param(user.name()) + ":mailto:" + user.email());
    l.add("UID:" + e.uid());
    for (CalendarEvent.Attendee a : e.attendees()) {
      l.add(
          "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN="
              + param(a.name())
              + ";X-NUM-GUESTS=0:mailto:"
              + a.email());
    }
    e.crmAccountId().ifPresent(id -> l.add("X-PRIMER-ACCOUNT-ID:" + id));
    e.recurrenceId().ifPresent(r -> l.add("RECURRENCE-ID" + tz + ":" + LOCAL.format(r)));
    l.add("CREATED:" + UTC.format(e.created()));
    l.add("DESCRIPTION:" + text(e.description()));
    l.add("LAST-MODIFIED:" + UTC.format(e.lastModified()));
    l.add("LOCATION:" + text(e.location()));
    e.geo().ifPresent(g -> l.add(String.format(Locale.ROOT, "GEO:%.6f;%.6f", g.lat(), g.lon())));
    l.add("SEQUENCE:" + e.sequence());
    l.add("STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
    l.add("SUMMARY:" + text(e.summary()));
    l.add("TRANSP:" + (e.allDay().isPresent() ? "TRANSPARENT" : "OPAQUE"));
    l.add("END:VEVENT");
    return l;
  }

  private List<String> outlookEvent(CalendarEvent e, User user, String tzid) {
    List<String> l = new ArrayList<>();
    String tz = ";TZID=\"" + tzid + "\"";
    l.add("BEGIN:VEVENT");
    for (CalendarEvent.Attendee a : e.attendees()) {
      l.add("ATTENDEE;CN=\"" + a.name() + "\";RSVP=TRUE:mailto:" + a.email());
    }
    l.add("CLASS:PUBLIC");
    l.add("CREATED:" + UTC.format(e.created()));
    l.add("DESCRIPTION:" + text(e.description().isEmpty() ? "" : e.description() + "\n"));
    List<String> times = new ArrayList<>();
    times(e, tz, times);
    l.add(times.get(1));
    l.add("DTSTAMP:" + UTC.format(exportedAt));
    l.add(times.get(0));
    if (!e.exdates().isEmpty()) {
      l.add(
          "EXDATE"
              + tz
              + ":"
              + e.exdates().stream().map(LOCAL::format).collect(Collectors.joining(",")));
    }
    e.geo().ifPresent(g -> l.add(String.format(Locale.ROOT, "GEO:%.6f;%.6f", g.lat(), g.lon())));
    l.add("LAST-MODIFIED:" + UTC.format(e.lastModified()));
    l.add("LOCATION:" + text(e.location()));
    l.add("ORGANIZER;CN=\"" + user.name() + "\":mailto:" + user.email());
    l.add("PRIORITY:5");
    e.recurrenceId().ifPresent(r -> l.add("RECURRENCE-ID" + tz + ":" + LOCAL.format(r)));
    e.series().ifPresent(s -> l.add("RRULE:" + s.rrule(until(s, e), true)));
    l.add("SEQUENCE:" + e.sequence());
    if (e.cancelled()) {
      l.add("STATUS:CANCELLED");
    }
    l.add("SUMMARY;LANGUAGE=en-us:" + text((e.cancelled() ? "Canceled: " : "") + e.summary()));
    l.add("TRANSP:" + (e.allDay().isPresent() ? "TRANSPARENT" : "OPAQUE"));
    l.add("UID:" + e.uid());
    if (e.allDay().isPresent()) {
      l.add("X-MICROSOFT-CDO-ALLDAYEVENT:TRUE");
    }
    l.add("X-MICROSOFT-CDO-BUSYSTATUS:" + (e.allDay().isPresent() ? "OOF" : "BUSY"));
    l.add("X-MICROSOFT-CDO-IMPORTANCE:1");
    e.crmAccountId().ifPresent(id -> l.add("X-PRIMER-ACCOUNT-ID:" + id));
    l.add("END:VEVENT");
    return l;
  }

  /** Adds DTSTART then DTEND. */
  private static void times(CalendarEvent e, String tz, List<String> l) {
    if (e.allDay().isPresent()) {
      l.add("DTSTART;VALUE=DATE:" + DATE.format(e.allDay().get().first()));
      l.add("DTEND;VALUE=DATE:" + DATE.format(e.allDay().get().endExclusive()));
    } else {
      l.add("DTSTART" + tz + ":" + LOCAL.format(e.start()));
      l.add("DTEND" + tz + ":" + LOCAL.format(e.end()));
    }
  }

  /** UNTIL must be UTC when DTSTART has a zone: the end of the last day, local time. */
  private static String until(Series s, CalendarEvent e) {
    return s.until()
        .map(
            (LocalDate d) ->
                UTC.format(d.atTime(LocalTime.of(23, 59, 59)).atZone(e.start().getZone())))
        .orElse("");
  }

  /** Escapes a TEXT value (RFC 5545 section 3.3.11). */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
  }

  /** Quotes a parameter value when it holds characters that need it. */
  private static String param(String value) {
    return value.matches(".*[:;,].*") ? "\"" + value + "\"" : value;
  }

  /** Folds a content line at 75 octets without splitting a UTF-8 character, and ends it CRLF. */
  static String fold(String line) {
    StringBuilder out = new StringBuilder();
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    return out.append("\r\n").toString();
  }
}
