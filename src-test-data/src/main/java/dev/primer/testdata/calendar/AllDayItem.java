package dev.primer.testdata.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** An all-day entry that keeps a rep off the road: vacation, training, a trade show. */
public record AllDayItem(
    String uid, String title, LocalDate first, LocalDate endExclusive, Instant created) {}
