package dev.primer.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expands one UID over a window: the master's instances (DTSTART, RRULE, RDATE, minus EXDATE) with
 * each override in place of the instance its RECURRENCE-ID names, wherever the override moved it.
 *
 * <p>Instances are matched to EXDATE and RECURRENCE-ID by instant, or by calendar date when either
 * side is a DATE (Exchange writes a DATE-TIME RECURRENCE-ID for all-day series).
 */
final class EventExpander {
  /**
   * The occurrences of one UID, what the per-event limits cut from them, and the recurrence steps
   * it took.
   */
  record Result(List<Occurrence> occurrences, Optional<Truncation> truncation, long steps) {}

  private static final Duration EDGE_SLACK = Duration.ofHours(3);

  private final ExpansionWindow window;
  private final ExpansionLimits limits;
  private final ZoneId zone;

  EventExpander(ExpansionWindow window, ExpansionLimits limits) {
    this.window = window;
    this.limits = limits;
    this.zone = window.zone();
  }

  /** A master with its overrides, walking at most {@code maxSteps} recurrence periods. */
  Result expand(CalendarEvent master, List<CalendarEvent> overrides, long maxSteps) {
    Collector out = new Collector(master.uid());
    Matcher replaced = new Matcher(master.start());
    for (CalendarEvent override : overrides) {
      replaced.remember(override.recurrenceId().orElseThrow());
      addOverride(out, override, Optional.of(master));
    }
    Matcher excluded = new Matcher(master.start());
    master.exceptionDates().forEach(excluded::remember);

    boolean recurring = master.isRecurring();
    boolean stepLimitHit = false;
    long steps = 0;
    List<RecurrenceDate> extraStarts = new ArrayList<>(master.recurrenceDates());
    if (master.rule().isPresent()) {
      RecurrenceIterator instances = instances(master, master.rule().get(), maxSteps);
      boolean reachedWindowEnd = false;
      while (instances.hasNext()) {
        if (out.countedEnough()) {
          break;
        }
        EventTime start = withLocal(master.start(), instances.next());
        Instant at = start.toInstant(zone);
        reachedWindowEnd |= !at.isBefore(window.to());
        if (!replaced.matches(start, at) && !excluded.matches(start, at)) {
          out.add(master, at, endOf(master, start), Optional.of(at));
        }
      }
      // Running out of steps in the slack after the window loses nothing.
      stepLimitHit = instances.stepLimitHit() && !reachedWindowEnd;
      steps = instances.steps();
    } else {
      extraStarts.add(0, RecurrenceDate.at(master.start()));
    }
    for (RecurrenceDate rdate : extraStarts) {
      EventTime start = rdate.start();
      Instant at = start.toInstant(zone);
      if (!replaced.matches(start, at) && !excluded.matches(start, at)) {
        Optional<Instant> id = recurring ? Optional.of(at) : Optional.empty();
        out.add(master, at, endOf(master, rdate), id);
      }
    }
    return out.result(stepLimitHit, steps);
  }

  /** An override whose master is not in the calendar: a one-off at its own time. */
  Result expandOrphan(CalendarEvent override) {
    Collector out = new Collector(override.uid());
    addOverride(out, override, Optional.empty());
    return out.result(false, 0);
  }

  private void addOverride(Collector out, CalendarEvent override, Optional<CalendarEvent> master) {
    boolean ownLength = override.end().isPresent() || override.duration().isPresent();
    CalendarEvent lengthSource = ownLength || master.isEmpty() ? override : master.get();
    Instant at = override.start().toInstant(zone);
    Instant originalStart = override.recurrenceId().orElseThrow().toInstant(zone);
    out.add(override, at, endOf(lengthSource, override.start()), Optional.of(originalStart));
  }

  /** An RDATE PERIOD brings its own end; other instances last as long as the event. */
  private Instant endOf(CalendarEvent master, RecurrenceDate rdate) {
    EventTime start = rdate.start();
    if (rdate.end().isPresent()) {
      return rdate.end().get().toInstant(zone);
    }
    if (rdate.duration().isPresent()) {
      EventDuration d = rdate.duration().get();
      return withLocal(start, start.local().plusDays(d.days())).toInstant(zone).plus(d.time());
    }
    return endOf(master, start);
  }

  /**
   * When an instance of {@code source} that starts at {@code start} ends: DTEND in the same zone
   * keeps its wall-clock distance (a 09:00-10:00 visit stays so across DST), DTEND in another zone
   * its exact distance, DURATION counts days on the wall clock and the rest exactly, and an all-day
   * event without either lasts one day.
   */
  private Instant endOf(CalendarEvent source, EventTime start) {
    if (start.date()) {
      long days = 1;
      if (source.start().date() && source.end().isPresent()) {
        days =
            ChronoUnit.DAYS.between(source.start().toLocalDate(), source.end().get().toLocalDate());
      } else if (source.duration().isPresent()) {
        days = source.duration().get().days();
      }
      return start.toLocalDate().plusDays(Math.max(1, days)).atStartOfDay(zone).toInstant();
    }
    if (source.end().isPresent() && !source.start().date()) {
      EventTime end = source.end().get();
      if (end.zone().equals(source.start().zone())) {
        Duration wallClock = Duration.between(source.start().local(), end.local());
        return withLocal(start, start.local().plus(wallClock)).toInstant(zone);
      }
      Duration exact = Duration.between(source.start().toInstant(zone), end.toInstant(zone));
      return start.toInstant(zone).plus(exact.isNegative() ? Duration.ZERO : exact);
    }
    if (source.duration().isPresent()) {
      EventDuration d = source.duration().get();
      return withLocal(start, start.local().plusDays(d.days())).toInstant(zone).plus(d.time());
    }
    return start.toInstant(zone);
  }

  private RecurrenceIterator instances(CalendarEvent master, RecurrenceRule rule, long maxSteps) {
    EventTime start = master.start();
    Duration length = Duration.between(start.toInstant(zone), endOf(master, start));
    // Instances that start before the window but last into it count; DST gaps and overlaps can
    // put a wall-clock time up to a couple of hours off the window edge in local terms.
    LocalDateTime from = local(start, window.from()).minus(length).minus(EDGE_SLACK);
    LocalDateTime horizon = local(start, window.to()).plus(EDGE_SLACK);
    return new RecurrenceIterator(
        rule, start.local(), start.date(), until(rule, start), from, horizon, maxSteps);
  }

  /**
   * UNTIL in the wall-clock frame of DTSTART: a UTC UNTIL is converted into DTSTART's zone (the
   * user's for all-day and floating series), a floating UNTIL is taken as written (Outlook and
   * CalDAV servers write those), and a DATE UNTIL includes its whole day.
   */
  private Optional<LocalDateTime> until(RecurrenceRule rule, EventTime start) {
    return rule.until()
        .map(
            u -> {
              if (u.date()) {
                return start.date() ? u.local() : u.toLocalDate().atTime(LocalTime.MAX);
              }
              if (u.zone().isPresent()) {
                return local(start, u.toInstant(zone));
              }
              return u.local();
            });
  }

  private LocalDateTime local(EventTime frame, Instant instant) {
    return frame.zone().isPresent()
        ? frame.zone().get().toLocal(instant)
        : LocalDateTime.ofInstant(instant, zone);
  }

  private static EventTime withLocal(EventTime frame, LocalDateTime local) {
    return new EventTime(local, frame.date(), frame.zone());
  }

  /**
   * EXDATEs or RECURRENCE-IDs of one series, matched by instant or, for DATEs, by date. A floating
   * value names an instance of the series, so it is read on the series' wall clock.
   */
  private final class Matcher {
    private final EventTime seriesStart;
    private final Set<Instant> instants = new HashSet<>();
    private final Set<LocalDate> dates = new HashSet<>();

    Matcher(EventTime seriesStart) {
      this.seriesStart = seriesStart;
    }

    void remember(EventTime value) {
      if (value.date() || seriesStart.date()) {
        dates.add(value.toLocalDate());
      } else if (value.floating()) {
        instants.add(withLocal(seriesStart, value.local()).toInstant(zone));
      } else {
        instants.add(value.toInstant(zone));
      }
    }

    boolean matches(EventTime start, Instant at) {
      return instants.contains(at) || dates.contains(start.toLocalDate());
    }
  }

  /** Gathers in-window occurrences up to the per-event limit and counts the rest. */
  private final class Collector {
    private final String uid;
    private final List<Occurrence> kept = new ArrayList<>();
    private final Set<Instant> starts = new HashSet<>();
    private long omitted;

    Collector(String uid) {
      this.uid = uid;
    }

    void add(CalendarEvent event, Instant start, Instant end, Optional<Instant> recurrenceId) {
      if (!window.overlaps(start, end) || starts.contains(start)) {
        return;
      }
      if (kept.size() >= limits.maxOccurrencesPerEvent()) {
        omitted++;
        return;
      }
      starts.add(start);
      kept.add(
          Occurrence.of(
              event, start.atZone(zone), end.atZone(zone), recurrenceId.map(i -> i.atZone(zone))));
    }

    /**
     * Past the limit, omitted occurrences are only counted, and only up to ten times the limit: "at
     * least 10000" says enough, and a runaway rule costs no more than that.
     */
    boolean countedEnough() {
      return omitted >= 10L * limits.maxOccurrencesPerEvent();
    }

    Result result(boolean stepLimitHit, long steps) {
      kept.sort(Comparator.comparing(Occurrence::start));
      Optional<Truncation> truncation = Optional.empty();
      if (omitted > 0) {
        boolean atLeast = stepLimitHit || countedEnough();
        truncation =
            Optional.of(
                new Truncation(uid, Truncation.Reason.EVENT_LIMIT, kept.size(), omitted, atLeast));
      } else if (stepLimitHit) {
        truncation =
            Optional.of(new Truncation(uid, Truncation.Reason.STEP_LIMIT, kept.size(), 0, true));
      }
      return new Result(kept, truncation, steps);
    }
  }
}
