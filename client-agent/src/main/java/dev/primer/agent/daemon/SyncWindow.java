package dev.primer.agent.daemon;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The overnight window in local time, e.g. 01:00–05:00; a window whose end is not after its start
 * runs over midnight (22:00–02:00).
 */
public record SyncWindow(LocalTime opens, LocalTime closes) {

  /** One occurrence of the window. */
  public record Occurrence(ZonedDateTime start, ZonedDateTime end) {
    /** Whether {@code t} falls inside. */
    public boolean contains(ZonedDateTime t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }

  /** The occurrence that contains {@code now}, or else the next one to open. */
  public Occurrence currentOrNext(ZonedDateTime now) {
    for (int daysBack = 1; daysBack >= -1; daysBack--) {
      Occurrence o = on(now.minusDays(daysBack));
      if (o.contains(now) || o.start().isAfter(now)) {
        return o;
      }
    }
    return on(now.plusDays(1));
  }

  private Occurrence on(ZonedDateTime day) {
    ZonedDateTime start = day.with(opens).withSecond(0).withNano(0);
    ZonedDateTime end = day.with(closes).withSecond(0).withNano(0);
    if (!end.isAfter(start)) {
      end = end.plusDays(1);
    }
    return new Occurrence(start, end);
  }
}
