package dev.primer.service.calendar;

/** Something the parser noticed in a calendar: the line, the property and what is wrong. */
public record CalendarProblem(int line, String property, String message) {}
