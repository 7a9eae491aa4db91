package dev.primer.calendar;

/**
 * Bounds that keep expansion fast and small whatever a calendar says (a FREQ=SECONDLY rule without
 * end, thousands of events): what goes over is cut and reported as a {@link Truncation}.
 *
 * @param maxOccurrencesPerEvent occurrences one UID may contribute to one window
 * @param maxOccurrencesPerCalendar occurrences (active and cancelled) one window may hold; the
 *     earliest are kept
 * @param maxStepsPerEvent recurrence periods one rule may walk through before it is given up
 * @param maxStepsPerCalendar recurrence periods all rules of one calendar may walk through in one
 *     expansion: the events after that are not expanded, and a {@link Truncation} says so. This is
 *     what bounds a calendar of thousands of FREQ=SECONDLY events.
 */
public record ExpansionLimits(
    int maxOccurrencesPerEvent,
    int maxOccurrencesPerCalendar,
    long maxStepsPerEvent,
    long maxStepsPerCalendar) {
  /**
   * The work one calendar's expansion may do by default: a million recurrence periods, a few tenths
   * of a second of a core; a rep's real calendar needs a few thousand.
   */
  public static final long DEFAULT_STEPS_PER_CALENDAR = 1_000_000;

  /**
   * Far above what a rep's fortnight needs (an hourly rule over two weeks is 336 occurrences), far
   * below what would hurt a nightly run over two thousand calendars.
   */
  public static final ExpansionLimits DEFAULTS =
      new ExpansionLimits(1_000, 20_000, 200_000, DEFAULT_STEPS_PER_CALENDAR);

  /** Limits without a work limit per calendar beyond the per-event ones (for tests and the CLI). */
  public ExpansionLimits(
      int maxOccurrencesPerEvent, int maxOccurrencesPerCalendar, long maxStepsPerEvent) {
    this(maxOccurrencesPerEvent, maxOccurrencesPerCalendar, maxStepsPerEvent, Long.MAX_VALUE);
  }

  public ExpansionLimits {
    if (maxOccurrencesPerEvent < 1) {
      throw new IllegalArgumentException(
          "maxOccurrencesPerEvent must be >= 1, was " + maxOccurrencesPerEvent);
    }
    if (maxOccurrencesPerCalendar < 1) {
      throw new IllegalArgumentException(
          "maxOccurrencesPerCalendar must be >= 1, was " + maxOccurrencesPerCalendar);
    }
    if (maxStepsPerEvent < 1) {
      throw new IllegalArgumentException("maxStepsPerEvent must be >= 1, was " + maxStepsPerEvent);
    }
    if (maxStepsPerCalendar < 1) {
      throw new IllegalArgumentException(
          "maxStepsPerCalendar must be >= 1, was " + maxStepsPerCalendar);
    }
  }
}
