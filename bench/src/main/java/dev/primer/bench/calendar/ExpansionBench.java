package dev.primer.bench.calendar;

import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.Expansion;
import dev.primer.calendar.ExpansionWindow;
import dev.primer.calendar.ParsedCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.model.Calendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A rep's calendar ({@link RepCalendar}: 420 events, two years deep) read and expanded over a
 * fortnight, by Primer's engine and by ical4j 4.x, as the nightly run does for every rep.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExpansionBench {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private String text;
  private ParsedCalendar primer;
  private Calendar ical4j;
  private ExpansionWindow fortnight;

  /** Reads the calendar once for the expansion benchmarks. */
  @Setup
  public void setUp() {
    text = RepCalendar.text(3);
    primer = CalendarParser.parse(text, "rep.ics");
    ical4j = Ical4jEngine.read(text).calendar().orElseThrow();
    fortnight = ExpansionWindow.days(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), CHICAGO);
  }

  /** Primer: a fortnight of a parsed calendar (the per-rep step of the nightly run). */
  @Benchmark
  public Expansion primerExpandFortnight() {
    return primer.expand(fortnight);
  }

  /** ical4j: the same fortnight, overrides and cancellations applied as Primer applies them. */
  @Benchmark
  public Ical4jEngine.Occurrences ical4jExpandFortnight() {
    return Ical4jEngine.expand(ical4j, fortnight.from(), fortnight.to(), CHICAGO);
  }

  /** Primer: reading the file. */
  @Benchmark
  public ParsedCalendar primerParse() {
    return CalendarParser.parse(text, "rep.ics");
  }

  /** ical4j: reading the file with relaxed parsing. */
  @Benchmark
  public Ical4jEngine.Read ical4jParse() {
    return Ical4jEngine.read(text);
  }
}
