/**
 * Calendar ingestion: {@link dev.primer.core.calendar.CalendarParser} reads .ics text into a {@link
 * dev.primer.core.calendar.ParsedCalendar} (events and problems, never an exception for bad
 * content); {@link dev.primer.core.calendar.ParsedCalendar#asOf} gives the calendar as it stood at
 * an instant; {@link dev.primer.core.calendar.CalendarExpander} turns it into the {@link
 * dev.primer.core.calendar.Occurrence}s of a window, within {@link
 * dev.primer.core.calendar.ExpansionLimits}. Linking occurrences to accounts lives in {@code
 * calendar.link}.
 */
package dev.primer.core.calendar;
