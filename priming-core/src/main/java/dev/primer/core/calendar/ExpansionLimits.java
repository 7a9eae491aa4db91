package dev.primer.core.calendar;

/**
 * Bounds that keep expansion fast and small whatever a calendar says (a FREQ=SECONDLY rule without
 * end, thousands of events): what goes over is cut and reported as a {@link Truncation}.
 *
 * @param maxOccurrencesPerEvent occurrences one UID may contribute to one window
 * @param maxOccurrencesPerCalendar occurrences (active and cancelled) one window may hold; the
 *     earliest are kept
 * @param maxStepsPerEvent recurrence periods one rule may walk through before it is given up
 */
public record ExpansionLimits(
    int maxOccurrencesPerEvent, int maxOccurrencesPerCalendar, long maxStepsPerEvent) {
  /**
   * Far above what a rep's fortnight needs (an hourly rule over two weeks is 336 occurrences), far
   * below what would hurt a nightly run over two thousand calendars.
   */
  public static final ExpansionLimits DEFAULTS = new ExpansionLimits(1_000, 20_000, 200_000);

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
  }
}
