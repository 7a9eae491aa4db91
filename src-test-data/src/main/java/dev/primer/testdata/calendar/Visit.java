package dev.primer.testdata.calendar;

import java.time.Instant;
import java.util.Optional;

/**
 * A visit as planned and as it turned out.
 *
 * @param plannedStart when it was first put in the calendar (differs from start when moved)
 * @param knownSince when it entered the calendar; empty for visits that never did
 * @param cancelledAt when it was cancelled in the calendar, if it was
 * @param movedAt when it was moved to {@code start}, if it was
 * @param noShow it stayed in the calendar but did not happen
 * @param uid the calendar event's UID; empty for visits that never were in the calendar
 */
public record Visit(
    int repIndex,
    int siteIndex,
    VisitKind kind,
    Instant plannedStart,
    Instant start,
    Instant end,
    Optional<Instant> knownSince,
    Optional<Instant> cancelledAt,
    Optional<Instant> movedAt,
    boolean noShow,
    Optional<String> uid) {

  /** Whether the rep actually was there. */
  public boolean happens() {
    return cancelledAt.isEmpty() && !noShow;
  }
}
