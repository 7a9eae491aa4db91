package dev.primer.testdata.calendar;

/** Why a rep is at a customer. */
public enum VisitKind {
  /** An occurrence of a recurring series (weekly, biweekly, monthly). */
  RECURRING,
  /** A visit booked days ahead. */
  ONE_OFF,
  /** A teammate's recurring visit, taken over while they are on vacation. */
  COVER,
  /** A service call dispatched on the day; it enters the calendar only that day. */
  EMERGENCY,
  /** An unplanned stop near a planned visit; never in the calendar. */
  DROP_IN
}
