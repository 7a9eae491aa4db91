package dev.primer.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;

/**
 * Expands a parsed calendar over a window: RRULE (every frequency and BY part), RDATE, EXDATE,
 * RECURRENCE-ID overrides (moved into, out of or within the window), cancellations, all-day and
 * floating events, DST. Recurrences are computed on the wall clock of DTSTART's zone, so a weekly
 * 09:00 visit stays at 09:00 local across DST. Bounded by {@link ExpansionLimits}; cuts are
 * reported, never silent.
 */
public final class CalendarExpander {
  /** Earliest first; ties by UID so the order never depends on the file. */
  public static final Comparator<Occurrence> ORDER =
      Comparator.comparing((Occurrence o) -> o.start().toInstant())
          .thenComparing(Occurrence::uid)
          .thenComparing(o -> o.end().toInstant());

  private static final CalendarExpander DEFAULT = new CalendarExpander(ExpansionLimits.DEFAULTS);

  private final ExpansionLimits limits;

  public CalendarExpander(ExpansionLimits limits) {
    this.limits = limits;
  }

  /** An expander with {@link ExpansionLimits#DEFAULTS}. */
  public static CalendarExpander withDefaults() {
    return DEFAULT;
  }

  /** The occurrences of {@code calendar} that overlap {@code window}. */
  public Expansion expand(ParsedCalendar calendar, ExpansionWindow window) {
    Map<String, CalendarEvent> masters = new LinkedHashMap<>();
    Map<String, List<CalendarEvent>> overrides = new LinkedHashMap<>();
    for (CalendarEvent event : calendar.events()) {
      if (event.isOverride()) {
        overrides.computeIfAbsent(event.uid(), k -> new ArrayList<>()).add(event);
      } else {
        masters.put(event.uid(), event);
      }
    }
    EventExpander expander = new EventExpander(window, limits);
    Merger merger = new Merger();
    long work = limits.maxStepsPerCalendar();
    String firstSkipped = null;
    long skipped = 0;
    for (CalendarEvent master : masters.values()) {
      // A caller with a time budget (the nightly precompute) interrupts; each event is bounded.
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("calendar expansion interrupted");
      }
      if (work <= 0) {
        firstSkipped = firstSkipped == null ? master.uid() : firstSkipped;
        skipped++;
        continue;
      }
      EventExpander.Result result =
          expander.expand(
              master,
              overrides.getOrDefault(master.uid(), List.of()),
              Math.min(limits.maxStepsPerEvent(), work));
      // An event costs at least one step, so that thousands of one-off events count too.
      work -= Math.max(1, result.steps());
      merger.add(result);
    }
    if (skipped > 0) {
      merger.truncated(
          new Truncation(
              Objects.requireNonNull(firstSkipped),
              Truncation.Reason.WORK_LIMIT,
              0,
              skipped,
              false));
    }
    overrides.forEach(
        (uid, orphans) -> {
          if (!masters.containsKey(uid)) {
            orphans.forEach(o -> merger.add(expander.expandOrphan(o)));
          }
        });
    return merger.expansion();
  }

  /**
   * Keeps the earliest occurrences up to the calendar limit in a bounded heap that takes each
   * event's occurrences as soon as they are computed, so memory stays within the two occurrence
   * limits however many events a calendar has.
   */
  private final class Merger {
    private final PriorityQueue<Occurrence> latestFirst = new PriorityQueue<>(ORDER.reversed());
    private final Map<String, Long> dropped = new LinkedHashMap<>();
    private final List<Truncation> truncations = new ArrayList<>();

    void truncated(Truncation truncation) {
      truncations.add(truncation);
    }

    void add(EventExpander.Result result) {
      result.truncation().ifPresent(truncations::add);
      for (Occurrence occurrence : result.occurrences()) {
        latestFirst.add(occurrence);
        if (latestFirst.size() > limits.maxOccurrencesPerCalendar()) {
          dropped.merge(latestFirst.poll().uid(), 1L, Long::sum);
        }
      }
    }

    Expansion expansion() {
      List<Occurrence> all = new ArrayList<>(latestFirst);
      all.sort(ORDER);
      Map<String, Integer> keptPerUid = new HashMap<>();
      all.forEach(o -> keptPerUid.merge(o.uid(), 1, Integer::sum));
      dropped.forEach(
          (uid, count) ->
              truncations.add(
                  new Truncation(
                      uid,
                      Truncation.Reason.CALENDAR_LIMIT,
                      keptPerUid.getOrDefault(uid, 0),
                      count,
                      false)));
      List<Occurrence> active = new ArrayList<>();
      List<Occurrence> cancelled = new ArrayList<>();
      for (Occurrence o : all) {
        (o.status() == EventStatus.CANCELLED ? cancelled : active).add(o);
      }
      return new Expansion(active, cancelled, truncations);
    }
  }
}
