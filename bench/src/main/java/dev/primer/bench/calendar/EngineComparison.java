package dev.primer.bench.calendar;

import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.Expansion;
import dev.primer.calendar.ExpansionLimits;
import dev.primer.calendar.ExpansionWindow;
import dev.primer.calendar.Occurrence;
import dev.primer.calendar.ParsedCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;

/**
 * Primer's calendar engine beside ical4j 4.x on the real exports of the shared fixtures, the RFC
 * 5545 examples and adversarial calendars: occurrences per file, errors, recovery, work bounds.
 *
 * <p>{@code java -cp ... dev.primer.bench.calendar.EngineComparison --fixtures DIR --rfc FILE
 * [--verbose]}; each engine gets {@value #TIMEOUT_SECONDS} s per calendar.
 */
public final class EngineComparison {
  static final int TIMEOUT_SECONDS = 5;
  private static final ExpansionLimits WIDE = new ExpansionLimits(100_000, 1_000_000, 10_000_000);
  private static final ZoneId UTC = ZoneId.of("UTC");

  private ExecutorService worker = newWorker();
  private final boolean verbose;

  private EngineComparison(boolean verbose) {
    this.verbose = verbose;
  }

  public static void main(String[] args) throws Exception {
    Path fixtures = Path.of(arg(args, "--fixtures", "../shared/fixtures"));
    Path rfc =
        Path.of(
            arg(
                args,
                "--rfc",
                "calendar/src/test/resources/calendar/rfc5545-recurrence-examples.ics"));
    var comparison = new EngineComparison(List.of(args).contains("--verbose"));
    ExpansionWindow twentyYears =
        ExpansionWindow.days(LocalDate.of(2005, 1, 1), LocalDate.of(2027, 1, 1), UTC);
    System.out.println(
        "| set | files | Primer: exceptions / problems / occurrences / ms"
            + " | ical4j: files refused / events failed / occurrences / timeouts / ms"
            + " | files where both agree |");
    System.out.println("|---|---|---|---|---|");
    for (String set : List.of("node-ical", "ical4j/valid", "ical4j/invalid")) {
      comparison.compare(set, files(fixtures.resolve("ics").resolve(set)), twentyYears, WIDE);
    }
    comparison.compareEach(
        "RFC 5545 examples (one calendar each)",
        Files.readString(rfc),
        ExpansionWindow.days(
            LocalDate.of(1996, 1, 1), LocalDate.of(2011, 1, 1), ZoneId.of("America/New_York")),
        new ExpansionLimits(5_000, 500_000, 1_000_000));
    System.out.println();
    comparison.adversarial();
    System.exit(0); // an ical4j run that timed out may still be spinning
  }

  private void compare(String set, List<Path> files, ExpansionWindow window, ExpansionLimits limits)
      throws IOException {
    Totals primer = new Totals();
    Totals ical4j = new Totals();
    int agree = 0;
    List<String> details = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      Result ours = primer(text, file.getFileName().toString(), window, limits);
      Result theirs = ical4j(text, window);
      primer.add(ours);
      ical4j.add(theirs);
      if (ours.keys().equals(theirs.keys())) {
        agree++;
      } else {
        details.add(difference(file.getFileName().toString(), ours, theirs));
      }
    }
    print(set, files.size(), primer, ical4j, agree);
    if (verbose) {
      details.forEach(System.out::println);
    }
  }

  /** Each VEVENT of {@code ics} on its own, so one slow rule cannot hide the others' results. */
  private void compareEach(String set, String ics, ExpansionWindow window, ExpansionLimits limits) {
    int first = ics.indexOf("BEGIN:VEVENT");
    String header = ics.substring(0, first);
    Totals primer = new Totals();
    Totals ical4j = new Totals();
    int agree = 0;
    int count = 0;
    List<String> details = new ArrayList<>();
    for (int at = first; at >= 0; at = ics.indexOf("BEGIN:VEVENT", at + 1)) {
      int end = ics.indexOf("END:VEVENT", at) + "END:VEVENT".length();
      String text = header + ics.substring(at, end) + "\r\nEND:VCALENDAR\r\n";
      String name = "example " + (++count);
      Result ours = primer(text, name, window, limits);
      Result theirs = ical4j(text, window);
      primer.add(ours);
      ical4j.add(theirs);
      if (ours.keys().equals(theirs.keys())) {
        agree++;
      } else {
        details.add(difference(name, ours, theirs));
      }
    }
    print(set, count, primer, ical4j, agree);
    if (verbose) {
      details.forEach(System.out::println);
    }
  }

  private static void print(String set, int files, Totals primer, Totals ical4j, int agree) {
    System.out.printf(
        "| %s | %d | %d / %d / %d / %d | %d / %d / %d / %d / %d | %d |%n",
        set,
        files,
        primer.exceptions,
        primer.problems,
        primer.occurrences,
        primer.millis,
        ical4j.exceptions,
        ical4j.problems,
        ical4j.occurrences,
        ical4j.timeouts,
        ical4j.millis,
        agree);
  }

  private void adversarial() {
    System.out.println(
        "| adversarial calendar | Primer (production limits) | ical4j calculateRecurrenceSet"
            + " | ical4j Recur.getDates(…, 1000) | same occurrences |");
    System.out.println("|---|---|---|---|---|");
    for (Adversarial.Case c : Adversarial.cases()) {
      ExpansionWindow window =
          c.name().endsWith("ly-count-1e8") || c.name().equals("minutely-endless")
              ? ExpansionWindow.day(LocalDate.of(2026, 3, 2), UTC)
              : ExpansionWindow.days(LocalDate.of(2026, 3, 1), LocalDate.of(2031, 1, 1), UTC);
      Result ours = primer(c.ics(), c.name(), window, ExpansionLimits.DEFAULTS);
      Result theirs = ical4j(c.ics(), window);
      System.out.printf(
          "| %s: %s | %s | %s | %s | %s |%n",
          c.name(),
          c.tries(),
          ours.summary(),
          theirs.summary(),
          recurGetDates(c.ics(), window),
          ours.timedOut() || theirs.timedOut() ? "-" : ours.keys().equals(theirs.keys()));
    }
  }

  private Result primer(String text, String name, ExpansionWindow window, ExpansionLimits limits) {
    return timed(
        () -> {
          ParsedCalendar calendar = CalendarParser.parse(text, name);
          Expansion expansion =
              new dev.primer.calendar.CalendarExpander(limits).expand(calendar, window);
          Set<String> keys = new TreeSet<>();
          for (Occurrence o : expansion.occurrences()) {
            String start =
                o.allDay() ? o.start().toLocalDate().toString() : o.start().toInstant().toString();
            if (Ical4jEngine.Keys.inWindow(start, window.from(), window.to(), window.zone())) {
              // An event without UID is named by its line here; ical4j leaves it nameless.
              keys.add((o.uid().startsWith(name + "#L") ? "" : o.uid()) + "@" + start);
            }
          }
          List<String> notes = new ArrayList<>();
          calendar.problems().forEach(p -> notes.add(p.describe(name)));
          expansion.truncations().forEach(t -> notes.add(t.describe()));
          return new Outcome(keys, notes, false);
        });
  }

  private Result ical4j(String text, ExpansionWindow window) {
    return timed(
        () -> {
          Ical4jEngine.Read read = Ical4jEngine.read(text);
          if (read.calendar().isEmpty()) {
            return new Outcome(Set.of(), List.of("file refused: " + read.error()), true);
          }
          var occurrences =
              Ical4jEngine.expand(read.calendar().get(), window.from(), window.to(), window.zone());
          return new Outcome(new TreeSet<>(occurrences.keys()), occurrences.eventErrors(), false);
        });
  }

  /** The bounded API the issue names, on the first event's rule. */
  private String recurGetDates(String text, ExpansionWindow window) {
    Result result =
        timed(
            () -> {
              Optional<Calendar> calendar = Ical4jEngine.read(text).calendar();
              if (calendar.isEmpty()) {
                return new Outcome(Set.of(), List.of("file refused"), true);
              }
              VEvent event = calendar.get().<VEvent>getComponents(Component.VEVENT).get(0);
              Optional<RRule<java.time.temporal.Temporal>> rule = event.getProperty(Property.RRULE);
              if (rule.isEmpty()) {
                return new Outcome(Set.of(), List.of("no RRULE"), false);
              }
              Optional<DateProperty<java.time.temporal.Temporal>> start =
                  event.getProperty(Property.DTSTART);
              List<java.time.temporal.Temporal> dates =
                  rule.get()
                      .getRecur()
                      .getDates(
                          start.orElseThrow().getDate(),
                          window.from().atZone(UTC),
                          window.to().atZone(UTC),
                          1000);
              Set<String> keys = new TreeSet<>();
              dates.forEach(d -> keys.add(Ical4jEngine.Keys.start(d, UTC)));
              return new Outcome(keys, List.of(), false);
            });
    return result.summary();
  }

  private Result timed(Callable<Outcome> work) {
    long started = System.nanoTime();
    Future<Outcome> future = worker.submit(work);
    try {
      Outcome outcome = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new Result(outcome, (System.nanoTime() - started) / 1_000_000, false, "");
    } catch (TimeoutException e) {
      future.cancel(true);
      worker = newWorker(); // the stuck thread is abandoned, as a caller without a bound would be
      return new Result(new Outcome(Set.of(), List.of(), false), TIMEOUT_SECONDS * 1000L, true, "");
    } catch (ExecutionException e) {
      return new Result(
          new Outcome(Set.of(), List.of(), false),
          (System.nanoTime() - started) / 1_000_000,
          false,
          e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String difference(String file, Result ours, Result theirs) {
    Set<String> onlyOurs = new TreeSet<>(ours.keys());
    onlyOurs.removeAll(theirs.keys());
    Set<String> onlyTheirs = new TreeSet<>(theirs.keys());
    onlyTheirs.removeAll(ours.keys());
    return "  "
        + file
        + ": primer "
        + ours.keys().size()
        + " ical4j "
        + theirs.keys().size()
        + (theirs.timedOut() ? " (timeout)" : "")
        + (theirs.exception().isEmpty() ? "" : " (" + theirs.exception() + ")")
        + " | only primer "
        + first(onlyOurs)
        + " | only ical4j "
        + first(onlyTheirs)
        + " | primer notes "
        + first(ours.outcome().notes())
        + " | ical4j notes "
        + first(theirs.outcome().notes());
  }

  private static String first(java.util.Collection<String> items) {
    return items.stream().limit(3).toList() + (items.size() > 3 ? " +" + (items.size() - 3) : "");
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".ics")).sorted().toList();
    }
  }

  private static String arg(String[] args, String name, String otherwise) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return otherwise;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "engine");
          t.setDaemon(true);
          return t;
        });
  }

  /** What an engine made of one calendar. */
  private record Outcome(Set<String> keys, List<String> notes, boolean refused) {}

  /** An outcome with its time, or a timeout, or the exception that escaped. */
  private record Result(Outcome outcome, long millis, boolean timedOut, String exception) {
    Set<String> keys() {
      return outcome.keys();
    }

    String summary() {
      if (timedOut) {
        return "no answer in " + TIMEOUT_SECONDS + " s";
      }
      if (!exception.isEmpty()) {
        return "exception " + exception;
      }
      String notes = outcome.notes().isEmpty() ? "" : "; " + String.join("; ", outcome.notes());
      return keys().size() + " occurrences, " + millis + " ms" + notes;
    }
  }

  /** Sums over a set of files. */
  private static final class Totals {
    int exceptions;
    int problems;
    int occurrences;
    int timeouts;
    long millis;

    void add(Result r) {
      if (r.timedOut()) {
        timeouts++;
      }
      if (!r.exception().isEmpty() || r.outcome().refused()) {
        exceptions++;
      }
      problems += r.outcome().refused() ? 0 : r.outcome().notes().size();
      occurrences += r.keys().size();
      millis += r.millis();
    }
  }
}
