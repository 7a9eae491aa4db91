package dev.primer.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarCliTest {
  @TempDir Path dir;
  private Path ics;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeARepsCalendar() throws IOException {
    ics = dir.resolve("rep.ics");
    Files.writeString(
        ics,
        String.join(
            "\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "X-WR-TIMEZONE:America/Chicago",
            "BEGIN:VEVENT",
            "UID:visit",
            "DTSTART;TZID=America/Chicago:20260302T090000",
            "DTEND;TZID=America/Chicago:20260302T100000",
            "RRULE:FREQ=WEEKLY",
            "SUMMARY:ACME Pumps\\, \"P-200\" service",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:offsite",
            "DTSTART;VALUE=DATE:20260309",
            "DTEND;VALUE=DATE:20260310",
            "SUMMARY:Team day\\nbring laptop",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:call",
            "DTSTART:20260309T140000Z",
            "DURATION:PT30M",
            "SUMMARY:Call with Bolt & Nut",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:broken",
            "DTSTART:20260399T090000Z",
            "END:VEVENT",
            "END:VCALENDAR",
            ""));
  }

  @Test
  void printsOccurrencesAsCsvSortedByStartInTheCalendarsOwnZone() {
    int code = run("expand", "--ics", ics.toString(), "--from", "2026-03-02", "--to", "2026-03-10");

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "start,end,all_day,uid,summary\n"
                + "2026-03-02T09:00:00-06:00,2026-03-02T10:00:00-06:00,false,visit,"
                + "\"ACME Pumps, \"\"P-200\"\" service\"\n"
                + "2026-03-09,2026-03-10,true,offsite,\"Team day\nbring laptop\"\n"
                + "2026-03-09T09:00:00-05:00,2026-03-09T09:30:00-05:00,false,call,"
                + "Call with Bolt & Nut\n"
                + "2026-03-09T09:00:00-05:00,2026-03-09T10:00:00-05:00,false,visit,"
                + "\"ACME Pumps, \"\"P-200\"\" service\"\n");
    assertThat(err.toString())
        .isEqualTo(
            "rep.ics:23: VEVENT: VEVENT broken has no usable DTSTART; it is skipped\n"
                + "rep.ics:25: DTSTART: '20260399T090000Z' is not a date (20260309) or date-time"
                + " (20260309T090000, optionally ending in Z); ignored\n");
  }

  @Test
  void theZoneOptionAndDateTimesWithOffsetChooseTheWindow() {
    int code =
        run(
            "expand",
            "--ics",
            ics.toString(),
            "--from",
            "2026-03-09T09:30:00+01:00",
            "--to",
            "2026-03-09T16:00:00+01:00",
            "--tz",
            "Europe/Berlin");

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "start,end,all_day,uid,summary\n"
                + "2026-03-09,2026-03-10,true,offsite,\"Team day\nbring laptop\"\n"
                + "2026-03-09T15:00:00+01:00,2026-03-09T15:30:00+01:00,false,call,"
                + "Call with Bolt & Nut\n"
                + "2026-03-09T15:00:00+01:00,2026-03-09T16:00:00+01:00,false,visit,"
                + "\"ACME Pumps, \"\"P-200\"\" service\"\n");
  }

  @Test
  void truncationsAreReportedOnStderrAndTheRestPrinted() {
    int code =
        run(
            "expand",
            "--ics",
            ics.toString(),
            "--from",
            "2026-03-01",
            "--to",
            "2026-04-01",
            "--max-per-event",
            "2");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).filteredOn(l -> l.contains(",visit,")).hasSize(2);
    assertThat(out.toString()).contains(",call,").contains(",offsite,");
    assertThat(err.toString().lines())
        .contains("rep.ics: truncated visit (per-event occurrence limit): kept 2, omitted 3");
  }

  @Test
  void aMissingFileIsBadUsage() {
    int code =
        run(
            "expand",
            "--ics",
            dir.resolve("nope.ics").toString(),
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-03");

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .startsWith("calendar expand: --ics: no such file: ")
                    .endsWith("(see --help)"));
  }

  @Test
  void anUnparsableDateIsBadUsage() {
    int code = run("expand", "--ics", ics.toString(), "--from", "2026-13-01", "--to", "2026-03-03");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "calendar expand: --from: '2026-13-01' is not a date (2026-03-09) or a date-time with"
                + " offset (2026-03-09T09:00:00-05:00) (see --help)\n");
  }

  @Test
  void fromNotBeforeToIsBadUsage() {
    int code = run("expand", "--ics", ics.toString(), "--from", "2026-03-03", "--to", "2026-03-03");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(l -> assertThat(l).contains("must be before --to"));
  }

  @Test
  void anUnknownZoneIsBadUsage() {
    int code =
        run(
            "expand",
            "--ics",
            ics.toString(),
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-03",
            "--tz",
            "Mars/Olympus");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(l -> assertThat(l).contains("--tz: unknown time zone 'Mars/Olympus'"));
  }

  @Test
  void aMissingOptionIsBadUsageOnOneLine() {
    int code = run("expand", "--ics", ics.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(l -> assertThat(l).contains("Missing required options").contains("--from"));
  }

  @Test
  void aFileThatIsNotACalendarCannotBeRead() throws IOException {
    Path html = dir.resolve("feed.ics");
    Files.writeString(html, "<html><body>Session expired</body></html>");

    int code =
        run("expand", "--ics", html.toString(), "--from", "2026-03-02", "--to", "2026-03-03");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "calendar expand: feed.ics: no BEGIN:VCALENDAR or BEGIN:VEVENT found; not an iCalendar"
                + " file\n");
  }

  @Test
  void helpExplainsTheOutputAndExitCodes() {
    int code = run("expand", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("start,end,all_day,uid,summary")
        .contains("--ics=FILE")
        .contains("--tz=ZONE")
        .contains("Exit codes:")
        .contains("bad usage");
  }

  @Test
  void withoutACommandItSaysWhichOnesExist() {
    int code = run();

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("calendar: missing command, e.g. expand (see --help)\n");
  }

  private int run(String... args) {
    return CalendarCli.run(args, new PrintWriter(out), new PrintWriter(err));
  }
}
