package dev.primer.core.cli;

import dev.primer.calendar.CalendarExpander;
import dev.primer.calendar.CalendarFormatException;
import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.Expansion;
import dev.primer.calendar.ExpansionLimits;
import dev.primer.calendar.ExpansionWindow;
import dev.primer.calendar.Occurrence;
import dev.primer.calendar.ParsedCalendar;
import dev.primer.calendar.Problem;
import dev.primer.calendar.Truncation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code calendar expand}: the occurrences of a calendar in a window, as CSV. */
@Command(
    name = "expand",
    sortOptions = false,
    description = {
      "Print the occurrences of an .ics file that overlap [--from, --to) as CSV:",
      "  start,end,all_day,uid,summary",
      "one row per occurrence, sorted by start then uid. Start and end are ISO-8601",
      "with offset in the chosen zone (2026-03-09T09:00:00-05:00), or dates when the",
      "occurrence is all-day (the end date is exclusive, as in iCalendar). Cancelled",
      "occurrences are left out. Problems in the file and occurrences cut by the limits",
      "are reported on stderr, one line each."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:occurrences printed (problems, if any, on stderr)",
      "1:the calendar could not be read",
      "2:bad usage (missing file, bad date or zone, --from not before --to)"
    })
final class ExpandCommand implements Callable<Integer> {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  @SuppressWarnings("UnusedVariable") // picocli reads the option itself
  private boolean help;

  @Option(names = "--ics", required = true, paramLabel = "FILE", description = "The .ics file.")
  private Path ics;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "ISO",
      description =
          "Window start: a date, read as midnight in the zone, or a date-time with offset."
              + " Examples: 2026-03-09 2026-03-09T09:00:00-05:00")
  private String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "ISO",
      description = "Window end, exclusive; same forms as --from.")
  private String to;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      description =
          "Zone for output, dates and floating times, e.g. America/Chicago. Default:"
              + " the calendar's own (X-WR-TIMEZONE or its only VTIMEZONE), else UTC.")
  private String zone;

  @Option(
      names = "--max-per-event",
      paramLabel = "N",
      description = "Most occurrences one event may contribute (default: ${DEFAULT-VALUE}).")
  private int maxPerEvent = ExpansionLimits.DEFAULTS.maxOccurrencesPerEvent();

  @Option(
      names = "--max-occurrences",
      paramLabel = "N",
      description = "Most occurrences in total; the earliest are kept (default: ${DEFAULT-VALUE}).")
  private int maxOccurrences = ExpansionLimits.DEFAULTS.maxOccurrencesPerCalendar();

  @Override
  public Integer call() {
    if (!Files.isRegularFile(ics)) {
      throw usage("--ics: no such file: " + ics);
    }
    WindowEdge start = edge("--from", from);
    WindowEdge end = edge("--to", to);
    ExpansionLimits limits = limits();
    ZoneId chosen = zone == null ? null : zone(zone);
    ParsedCalendar calendar;
    try {
      calendar = CalendarParser.parse(ics);
    } catch (UncheckedIOException | CalendarFormatException e) {
      spec.commandLine()
          .getErr()
          .println(CommandLines.name(spec.commandLine()) + ": " + message(e));
      return CommandLines.FAILURE;
    }
    ZoneId windowZone = chosen != null ? chosen : calendar.zone().orElse(ZoneOffset.UTC);
    var window = window(start, end, windowZone);
    Expansion expansion = new CalendarExpander(limits).expand(calendar, window);

    PrintWriter err = spec.commandLine().getErr();
    for (Problem problem : calendar.problems()) {
      err.println(CommandLines.oneLine(problem.describe(calendar.source())));
    }
    for (Truncation truncation : expansion.truncations()) {
      err.println(CommandLines.oneLine(calendar.source() + ": " + truncation.describe()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print("start,end,all_day,uid,summary\n");
    for (Occurrence o : expansion.occurrences()) {
      out.print(
          String.join(
                  ",",
                  format(o, true),
                  format(o, false),
                  String.valueOf(o.allDay()),
                  Csv.field(o.uid()),
                  Csv.field(o.summary()))
              + "\n");
    }
    return CommandLines.OK;
  }

  private static String format(Occurrence o, boolean start) {
    var time = start ? o.start() : o.end();
    return o.allDay() ? time.toLocalDate().toString() : DATE_TIME.format(time);
  }

  private WindowEdge edge(String option, String value) {
    try {
      return WindowEdge.parse(value);
    } catch (DateTimeException e) {
      throw usage(
          option
              + ": '"
              + value
              + "' is not a date (2026-03-09) or a date-time with offset"
              + " (2026-03-09T09:00:00-05:00)");
    }
  }

  private ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw usage("--tz: unknown time zone '" + id + "' (use an IANA name such as Europe/Berlin)");
    }
  }

  private ExpansionLimits limits() {
    try {
      return new ExpansionLimits(
          maxPerEvent, maxOccurrences, ExpansionLimits.DEFAULTS.maxStepsPerEvent());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private ExpansionWindow window(WindowEdge start, WindowEdge end, ZoneId windowZone) {
    var first = start.at(windowZone);
    var last = end.at(windowZone);
    if (!first.isBefore(last)) {
      throw usage(
          "--from ("
              + first.atZone(windowZone).toOffsetDateTime()
              + ") must be before --to ("
              + last.atZone(windowZone).toOffsetDateTime()
              + ")");
    }
    return new ExpansionWindow(first, last, windowZone);
  }

  private ParameterException usage(@Nullable String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static @Nullable String message(RuntimeException e) {
    if (e instanceof UncheckedIOException io) {
      return io.getMessage() + " (" + Objects.requireNonNull(io.getCause()).getMessage() + ")";
    }
    return e.getMessage();
  }
}
