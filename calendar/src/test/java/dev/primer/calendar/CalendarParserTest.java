package dev.primer.calendar;

import static dev.primer.calendar.Ics.calendar;
import static dev.primer.calendar.Ics.expand;
import static dev.primer.calendar.Ics.parse;
import static dev.primer.calendar.Ics.starts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarParserTest {
  @TempDir Path dir;

  @Test
  void readsCrlfLfAndFoldedLinesAlike() throws Exception {
    String folded =
        calendar(
            "BEGIN:VEVENT",
            "UID:fold",
            "DTSTART:20260302T090000Z",
            "SUMMARY:Quarterly review at ACME Pu",
            " mps with the\tpart",
            "\ts team",
            "END:VEVENT");
    Path crlf = dir.resolve("crlf.ics");
    Path lf = dir.resolve("lf.ics");
    Files.writeString(crlf, folded);
    Files.writeString(lf, folded.replace("\r\n", "\n"));

    ParsedCalendar fromCrlf = CalendarParser.parse(crlf);
    ParsedCalendar fromLf = CalendarParser.parse(lf);

    assertThat(fromCrlf.events().get(0).summary())
        .isEqualTo("Quarterly review at ACME Pumps with the\tparts team");
    assertThat(fromLf.events()).isEqualTo(fromCrlf.events());
    assertThat(fromCrlf.problems()).isEmpty();
    assertThat(fromLf.source()).isEqualTo("lf.ics");
  }

  @Test
  void aMalformedValueIsNamedByLineAndPropertyAndCostsOnlyItsEvent() {
    var calendar =
        parse(
            "BEGIN:VEVENT", // line 4
            "UID:first",
            "DTSTART:20260302T090000Z",
            "END:VEVENT",
            "BEGIN:VEVENT", // line 8
            "UID:broken",
            "DTSTART:20260231T090000Z",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:third",
            "DTSTART:20260304T090000Z",
            "GEO:north;east",
            "END:VEVENT");

    assertThat(calendar.events()).extracting(CalendarEvent::uid).containsExactly("first", "third");
    assertThat(calendar.problems())
        .extracting(Problem::line, Problem::property)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(8, "VEVENT"),
            org.assertj.core.groups.Tuple.tuple(10, "DTSTART"),
            org.assertj.core.groups.Tuple.tuple(15, "GEO"));
    assertThat(calendar.problems().get(1).describe("rep.ics"))
        .startsWith("rep.ics:10: DTSTART: '20260231T090000Z' is not a date");
    assertThat(calendar.events().get(1).geo()).isEmpty();
  }

  @Test
  void aVeventWithoutEndDoesNotSwallowTheNextOne() {
    var calendar =
        parse(
            "BEGIN:VEVENT", // line 4
            "UID:unclosed",
            "DTSTART:20260302T090000Z",
            "BEGIN:VEVENT",
            "UID:next",
            "DTSTART:20260303T090000Z",
            "END:VEVENT");

    assertThat(calendar.events())
        .extracting(CalendarEvent::uid)
        .containsExactly("unclosed", "next");
    assertThat(calendar.problems()).hasSize(1);
    assertThat(calendar.problems().get(0).describe("x.ics"))
        .isEqualTo(
            "x.ics:4: VEVENT: BEGIN:VEVENT has no END before line 7 (BEGIN:VEVENT); closed it there");
  }

  @Test
  void aLineThatIsNotAPropertyIsReportedAndSkipped() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:a",
            "DTSTART:20260302T090000Z",
            "DESCRIPTION:first line",
            "second line lost its fold indent",
            "SUMMARY:Visit",
            "END:VEVENT");

    assertThat(calendar.events().get(0).summary()).isEqualTo("Visit");
    assertThat(calendar.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(8));
  }

  @Test
  void outlooksValueInsideAQuotedTzidIsRepairedAndReported() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:quoted",
            "DTSTART;TZID=\"W. Europe Standard Time:20200609T090000\"",
            "END:VEVENT");

    assertThat(starts(expand(calendar, "2020-06-09", "2020-06-10", "UTC").occurrences()))
        .containsExactly("2020-06-09T07:00Z");
    assertThat(calendar.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("TZID=W. Europe Standard Time"));
  }

  @Test
  void windowsZoneNamesAndDisplayNamesMapToIanaZones() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:windows",
            "DTSTART;TZID=\"Pacific Standard Time\":20260706T120000",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:display",
            "DTSTART;TZID=\"(UTC-05:00) Eastern Time (US and Canada)\":20260706T120000",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:mozilla",
            "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260706T120000",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:offset",
            "DTSTART;TZID=UTC+01:20260706T120000",
            "END:VEVENT");

    assertThat(calendar.problems()).isEmpty();
    assertThat(calendar.events())
        .extracting(e -> e.start().zone().orElseThrow().zoneId().orElseThrow().getId())
        .containsExactly("America/Los_Angeles", "America/New_York", "Europe/Berlin", "+01:00");
  }

  @Test
  void aCustomVtimezoneIsHonouredWhenItsNameIsUnknown() {
    // A made-up zone: +03:30 in winter, +04:30 from the last Sunday of March.
    var calendar =
        parse(
            "BEGIN:VTIMEZONE",
            "TZID:Customized Time Zone",
            "BEGIN:STANDARD",
            "DTSTART:16010101T030000",
            "TZOFFSETFROM:+0430",
            "TZOFFSETTO:+0330",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:16010101T020000",
            "TZOFFSETFROM:+0330",
            "TZOFFSETTO:+0430",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
            "END:DAYLIGHT",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:custom",
            "DTSTART;TZID=Customized Time Zone:20260302T090000",
            "RRULE:FREQ=MONTHLY;COUNT=2",
            "END:VEVENT");

    assertThat(calendar.problems()).isEmpty();
    assertThat(starts(expand(calendar, "2026-03-01", "2026-05-01", "UTC").occurrences()))
        .containsExactly("2026-03-02T05:30Z", "2026-04-02T04:30Z");
  }

  @Test
  void aCustomZoneNameWithAnEscapedCommaFindsItsVtimezone() {
    var calendar =
        parse(
            "BEGIN:VTIMEZONE",
            "TZID:Head office\\, Mars",
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:+0245",
            "TZOFFSETTO:+0245",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:mars",
            "DTSTART;TZID=\"Head office, Mars\":20260302T090000",
            "END:VEVENT");

    assertThat(calendar.problems()).isEmpty();
    assertThat(starts(expand(calendar, "2026-03-01", "2026-03-03", "UTC").occurrences()))
        .containsExactly("2026-03-02T06:15Z");
  }

  @Test
  void anOlderEraOfAVtimezoneEndsWhereTheNextEraOfTheSameKindBegins() {
    // Outlook's multi-era zones: US Eastern before and after 2007, the old RRULEs without UNTIL.
    var calendar =
        parse(
            "BEGIN:VTIMEZONE",
            "TZID:Customized Time Zone 1",
            "BEGIN:STANDARD",
            "DTSTART:16711029T020000",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            "TZOFFSETFROM:-0400",
            "TZOFFSETTO:-0500",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:16710404T020000",
            "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4",
            "TZOFFSETFROM:-0500",
            "TZOFFSETTO:-0400",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "DTSTART:20071104T020000",
            "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
            "TZOFFSETFROM:-0400",
            "TZOFFSETTO:-0500",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:20070311T020000",
            "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
            "TZOFFSETFROM:-0500",
            "TZOFFSETTO:-0400",
            "END:DAYLIGHT",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:late-october",
            "DTSTART;TZID=Customized Time Zone 1:20251028T140000",
            "RDATE;TZID=Customized Time Zone 1:20251103T140000,19851028T140000",
            "END:VEVENT");

    var expansion =
        calendar.expand(
            ExpansionWindow.days(
                java.time.LocalDate.of(1985, 1, 1),
                java.time.LocalDate.of(2026, 1, 1),
                ZoneId.of("UTC")));

    assertThat(starts(expansion.occurrences()))
        .containsExactly("1985-10-28T19:00Z", "2025-10-28T18:00Z", "2025-11-03T19:00Z");
  }

  @Test
  void anUnknownTzidIsReportedOnceAndReadAsFloating() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:a",
            "DTSTART;TZID=\"tzone://Microsoft/Custom\":20260302T090000",
            "DTEND;TZID=\"tzone://Microsoft/Custom\":20260302T100000",
            "END:VEVENT");

    assertThat(calendar.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(6);
              assertThat(p.property()).isEqualTo("TZID");
              assertThat(p.message()).contains("unknown time zone 'tzone://Microsoft/Custom'");
            });
    assertThat(starts(expand(calendar, "2026-03-02", "2026-03-03", "Asia/Tokyo").occurrences()))
        .containsExactly("2026-03-02T09:00+09:00");
  }

  @Test
  void ofTwoVeventsWithTheSameUidTheHigherSequenceWins() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:dup",
            "SEQUENCE:2",
            "DTSTART:20260302T090000Z",
            "SUMMARY:kept",
            "END:VEVENT",
            "BEGIN:VEVENT", // line 10
            "UID:dup",
            "SEQUENCE:1",
            "DTSTART:20260302T100000Z",
            "SUMMARY:older",
            "END:VEVENT");

    assertThat(calendar.events()).extracting(CalendarEvent::summary).containsExactly("kept");
    assertThat(calendar.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(10));
  }

  @Test
  void anRruleWithJunkPartsStillRecursAndTheJunkIsReported() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:junk",
            "DTSTART:20260302T090000Z",
            "RRULE:RRULE:AnythingRandom;FREQ=DAILY;COUNT=3",
            "END:VEVENT");

    assertThat(expand(calendar, "2026-03-01", "2026-04-01", "UTC").occurrences()).hasSize(3);
    assertThat(calendar.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'RRULE:AnythingRandom' has no '='"));
  }

  @Test
  void aBrokenRruleIsReportedAndTheEventKeptAsAOneOff() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:bad",
            "DTSTART:20260302T090000Z",
            "RRULE:FREQ=FORTNIGHTLY",
            "END:VEVENT");

    assertThat(expand(calendar, "2026-03-01", "2026-04-01", "UTC").occurrences()).hasSize(1);
    assertThat(calendar.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.describe("c.ics"))
                    .isEqualTo("c.ics:7: RRULE: unknown FREQ 'FORTNIGHTLY'; ignored"));
  }

  @Test
  void lowerCaseNamesAndVeventsOutsideAVcalendarAreReadAnyway() {
    var calendar =
        CalendarParser.parse(
            new StringReader("begin:vevent\nuid:lower\ndtstart:20260302T090000Z\nend:vevent\n"),
            "loose.ics");

    assertThat(calendar.events()).extracting(CalendarEvent::uid).containsExactly("lower");
    assertThat(calendar.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("VEVENT outside VCALENDAR; read anyway"));
  }

  @Test
  void textWithoutAnyCalendarIsRejected() {
    assertThatThrownBy(() -> CalendarParser.parse("<html>not found</html>", "feed.ics"))
        .isInstanceOf(CalendarFormatException.class)
        .hasMessage("feed.ics: no BEGIN:VCALENDAR or BEGIN:VEVENT found; not an iCalendar file");
  }

  @Test
  void theCalendarsOwnZoneIsXWrTimezoneElseItsOnlyVtimezone() {
    assertThat(parse("X-WR-TIMEZONE:Europe/Vienna").zone()).contains(ZoneId.of("Europe/Vienna"));
    assertThat(
            parse(
                    "BEGIN:VTIMEZONE",
                    "TZID:Eastern Standard Time",
                    "BEGIN:STANDARD",
                    "DTSTART:16010101T020000",
                    "TZOFFSETFROM:-0400",
                    "TZOFFSETTO:-0500",
                    "END:STANDARD",
                    "END:VTIMEZONE")
                .zone())
        .contains(ZoneId.of("America/New_York"));
    assertThat(parse("BEGIN:VEVENT", "UID:a", "DTSTART:20260302T090000Z", "END:VEVENT").zone())
        .isEmpty();
  }

  @Test
  void aNonStandardDurationIsReadAndReported() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:week",
            "DTSTART;VALUE=DATE:20260302",
            "DURATION:PT1W",
            "END:VEVENT");

    var occurrence = expand(calendar, "2026-03-01", "2026-04-01", "UTC").occurrences().get(0);

    assertThat(occurrence.end().toLocalDate()).hasToString("2026-03-09");
    assertThat(calendar.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).endsWith("read as P7D"));
  }
}
