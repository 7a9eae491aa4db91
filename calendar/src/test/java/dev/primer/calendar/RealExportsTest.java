package dev.primer.calendar;

import static dev.primer.calendar.Ics.starts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Calendars written by Outlook, Exchange, Google, Apple, Lotus Notes and others, from the shared
 * fixtures folder (see its README); skipped when the folder is not there.
 */
class RealExportsTest {
  private static final ExpansionWindow TWENTY_YEARS =
      ExpansionWindow.days(LocalDate.of(2005, 1, 1), LocalDate.of(2027, 1, 1), ZoneId.of("UTC"));

  @Test
  void everyValidIcal4jSampleParsesAndExpandsAndEveryProblemNamesItsLine() throws IOException {
    for (Path file : files("ical4j/valid")) {
      ParsedCalendar calendar = CalendarParser.parse(file);
      assertThat(calendar.problems())
          .as(file.toString())
          .allSatisfy(p -> assertThat(p.line()).isPositive());
      assertThatCode(() -> calendar.expand(TWENTY_YEARS))
          .as(file.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everyInvalidIcal4jSampleYieldsEventsOrProblemsAndNoException() throws IOException {
    for (Path file : files("ical4j/invalid")) {
      assertThatCode(() -> CalendarParser.parse(file).expand(TWENTY_YEARS))
          .as(file.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everyNodeIcalFileParsesWithoutAnExceptionEscaping() throws IOException {
    List<Path> files = files("node-ical");
    assertThat(files).hasSizeGreaterThan(40);
    for (Path file : files) {
      assertThatCode(() -> CalendarParser.parse(file).expand(TWENTY_YEARS))
          .as(file.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void outlookWindowsZoneNamesExpandInTheirIanaZones() throws IOException {
    ParsedCalendar calendar = parse("node-ical/ms_timezones.ics");

    assertThat(occurrenceStarts(calendar, "test", "2020-09-10", "2020-09-11"))
        .containsExactly("2020-09-10T07:00Z");
    assertThat(occurrenceStarts(calendar, "Not the actual summary 1", "2020-09-15", "2020-09-16"))
        .containsExactly("2020-09-15T15:30Z");
    // The weekly one has its value inside the quoted TZID; it stays at 09:00 Berlin time when
    // Berlin leaves summer time on 2020-10-25.
    assertThat(occurrenceStarts(calendar, "Log Yesterday's Jira time", "2020-10-23", "2020-10-27"))
        .containsExactly("2020-10-23T07:00Z", "2020-10-24T07:00Z", "2020-10-26T08:00Z");
    assertThat(calendar.problems())
        .extracting(Problem::line, Problem::property)
        .containsExactly(tuple(152, "DTSTART"));
  }

  @Test
  void aWholeDayOccurrenceMovedOverTheDstChangeLandsOnItsNewDate() throws IOException {
    ParsedCalendar calendar = parse("node-ical/whole_day_moved_over_dst_change_berlin.ics");

    for (String zone : List.of("Europe/Berlin", "America/New_York")) {
      var occurrences =
          calendar
              .expand(
                  ExpansionWindow.days(
                      LocalDate.of(2024, 10, 20), LocalDate.of(2024, 11, 10), ZoneId.of(zone)))
              .occurrences();
      assertThat(occurrences)
          .extracting(
              o -> o.start().toLocalDate().toString(), o -> o.end().toLocalDate().toString())
          .containsExactly(
              tuple("2024-10-27", "2024-10-28"),
              tuple("2024-10-29", "2024-10-30"),
              tuple("2024-10-30", "2024-10-31"));
      assertThat(occurrences).allSatisfy(o -> assertThat(o.allDay()).isTrue());
    }
  }

  @Test
  void exchangesDateTimeRecurrenceIdMovesAnAllDayInstance() throws IOException {
    for (String file :
        List.of(
            "node-ical/exchange_whole_day_moved_recurrence.ics",
            "node-ical/exchange_whole_day_moved_recurrence_offset_tz.ics")) {
      var occurrences =
          parse(file)
              .expand(
                  ExpansionWindow.days(
                      LocalDate.of(2026, 2, 19),
                      LocalDate.of(2026, 3, 7),
                      ZoneId.of("Europe/Berlin")))
              .occurrences();
      assertThat(occurrences)
          .as(file)
          .extracting(o -> o.start().toLocalDate().toString())
          .containsExactly("2026-02-19", "2026-02-24", "2026-02-27", "2026-03-03", "2026-03-05");
    }
  }

  @Test
  void customAndMultiEraVtimezonesGiveTheOffsetsTheyDescribe() throws IOException {
    ParsedCalendar badMsTz = parse("node-ical/bad_ms_tz.ics");
    assertThat(badMsTz.problems()).isEmpty();
    assertThat(occurrenceStarts(badMsTz, "[private]", "2020-08-25", "2020-08-26"))
        .containsExactly("2020-08-25T14:35Z");
    assertThat(occurrenceStarts(badMsTz, "[private]", "2020-11-03", "2020-11-04"))
        .containsExactly("2020-11-03T15:35Z");

    ParsedCalendar multiEra = parse("node-ical/multi-era-vtimezone.ics");
    assertThat(
            occurrenceStarts(multiEra, "Event in 2025 (modern rule)", "2025-06-10", "2025-06-11"))
        .containsExactly("2025-06-10T18:00Z");
    assertThat(
            occurrenceStarts(
                multiEra,
                "Event in 1985 (old rule)",
                TWENTY_YEARS.zone(),
                LocalDate.of(1985, 10, 15),
                LocalDate.of(1985, 10, 16)))
        .containsExactly("1985-10-15T18:00Z");
  }

  @Test
  void brokenCustomZonesAndValuesAreReportedByLineAndTheEventsKept() throws IOException {
    ParsedCalendar calendar = parse("node-ical/bad_custom_ms_tz.ics");

    assertThat(calendar.events()).hasSize(3);
    assertThat(calendar.problems())
        .extracting(Problem::line, Problem::property)
        .containsExactly(tuple(6, "TZID"), tuple(39, "DTSTAMP"), tuple(40, "DURATION"));
    assertThat(calendar.problems().get(2).message()).startsWith("negative duration");
  }

  @Test
  void aLargeFileWithBadDatesLosesOnlyThoseEvents() throws IOException {
    ParsedCalendar calendar = parse("node-ical/large-file-with-late-error.ics");

    assertThat(calendar.events()).hasSize(395);
    assertThat(calendar.problems())
        .filteredOn(p -> p.property().equals("DTSTART"))
        .extracting(Problem::line)
        .containsExactly(360, 366, 738, 1110, 1668, 2040);
  }

  @Test
  void quotedWindowsDisplayNameAndForeignExdatesAreReadAsWritten() throws IOException {
    // The EXDATEs are 12:00 in Los Angeles, which is 15:00 in New York: no instance matches.
    var occurrences =
        parse("node-ical/windows-quoted-tz-rrule.ics").expand(TWENTY_YEARS).occurrences();

    assertThat(starts(occurrences)).hasSize(10).allMatch(s -> s.endsWith("T16:00Z"));
  }

  @Test
  void aNonUtcUntilEndsTheSeriesOnItsOwnWallClock() throws IOException {
    var occurrences = parse("node-ical/non-utc-until.ics").expand(TWENTY_YEARS).occurrences();

    assertThat(occurrences).hasSize(53);
    assertThat(
            occurrences.get(52).start().withZoneSameInstant(ZoneId.of("Europe/Berlin")).toString())
        .isEqualTo("2024-12-30T10:00+01:00[Europe/Berlin]");
  }

  private static List<String> occurrenceStarts(
      ParsedCalendar calendar, String summary, String first, String end) {
    return occurrenceStarts(
        calendar, summary, ZoneId.of("UTC"), LocalDate.parse(first), LocalDate.parse(end));
  }

  private static List<String> occurrenceStarts(
      ParsedCalendar calendar, String summary, ZoneId zone, LocalDate first, LocalDate end) {
    return starts(
        calendar.expand(ExpansionWindow.days(first, end, zone)).occurrences().stream()
            .filter(o -> o.summary().equals(summary))
            .toList());
  }

  private static ParsedCalendar parse(String relative) {
    return CalendarParser.parse(icsFolder().resolve(relative));
  }

  /**
   * The .ics files of a fixtures folder; none there fails the test, no fixtures at all skips it.
   */
  private static List<Path> files(String relative) throws IOException {
    Path folder = icsFolder().resolve(relative);
    List<Path> ics;
    try (Stream<Path> files = Files.list(folder)) {
      ics = files.filter(f -> f.toString().endsWith(".ics")).sorted().toList();
    }
    assertThat(ics).as("the .ics files in %s", folder).isNotEmpty();
    return ics;
  }

  private static Path icsFolder() {
    String folder = System.getProperty("primer.fixtures");
    assumeTrue(folder != null && Files.isDirectory(Path.of(folder, "ics")), "no fixtures folder");
    return Path.of(folder, "ics");
  }
}
