package dev.primer.service.calendar;

import java.util.List;

/** The answer to a calendar upload: how many events were read and what was wrong on the way. */
public record CalendarAnswer(
    String userId, String sha256, int events, List<CalendarProblem> problems) {}
