/**
 * Calendar ingestion: {@link dev.primer.calendar.CalendarParser} reads .ics text into a {@link
 * dev.primer.calendar.ParsedCalendar} (events and problems, never an exception for bad content);
 * {@link dev.primer.calendar.ParsedCalendar#asOf} gives the calendar as it stood at an instant;
 * {@link dev.primer.calendar.CalendarExpander} turns it into the {@link
 * dev.primer.calendar.Occurrence}s of a window, within {@link dev.primer.calendar.ExpansionLimits}.
 * Linking occurrences to accounts lives in priming-core, {@code dev.primer.core.appointments.link}.
 */
package dev.primer.calendar;
