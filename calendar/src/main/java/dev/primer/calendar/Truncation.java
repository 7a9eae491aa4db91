package dev.primer.calendar;

import java.util.Objects;

/**
 * What a limit cut from one UID's occurrences.
 *
 * @param kept occurrences of this UID that made it into the expansion
 * @param omitted occurrences in the window that were left out
 * @param omittedAtLeast true when counting stopped at the step limit, so more may have been left
 *     out
 */
public record Truncation(
    String uid, Reason reason, int kept, long omitted, boolean omittedAtLeast) {
  /** Which limit cut. */
  public enum Reason {
    /** {@link ExpansionLimits#maxOccurrencesPerEvent()}. */
    EVENT_LIMIT,
    /** {@link ExpansionLimits#maxOccurrencesPerCalendar()}: the latest occurrences went. */
    CALENDAR_LIMIT,
    /** {@link ExpansionLimits#maxStepsPerEvent()}: the rule was given up before the window end. */
    STEP_LIMIT,
    /**
     * {@link ExpansionLimits#maxStepsPerCalendar()}: the calendar's work was used up; {@code uid}
     * is the first event not expanded and {@code omitted} counts the events not expanded.
     */
    WORK_LIMIT
  }

  public Truncation {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(reason, "reason");
  }

  /** One line for logs and the CLI. */
  public String describe() {
    String what =
        switch (reason) {
          case EVENT_LIMIT -> "per-event occurrence limit";
          case CALENDAR_LIMIT -> "per-calendar occurrence limit";
          case STEP_LIMIT -> "recurrence step limit";
          case WORK_LIMIT -> "per-calendar work limit";
        };
    if (reason == Reason.WORK_LIMIT) {
      return "truncated from "
          + uid
          + " on ("
          + what
          + "): "
          + omitted
          + " events were not expanded";
    }
    String left =
        reason == Reason.STEP_LIMIT && omitted == 0
            ? "later occurrences in the window were not computed"
            : "omitted " + (omittedAtLeast ? "at least " : "") + omitted;
    return "truncated " + uid + " (" + what + "): kept " + kept + ", " + left;
  }
}
