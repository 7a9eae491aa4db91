package dev.primer.calendar;

import static dev.primer.calendar.Ics.expand;
import static dev.primer.calendar.Ics.parse;
import static dev.primer.calendar.Ics.starts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The calendar as it stood before a day started: what {@link ParsedCalendar#asOf} keeps. */
class AsOfTest {
  /**
   * A weekly visit created Feb 1, moved (Mar 9 to Mar 10) on Mar 5, cancelled (Mar 16) on Mar 12.
   */
  private static final ParsedCalendar CALENDAR =
      parse(
          "BEGIN:VEVENT",
          "UID:visit",
          "CREATED:20260201T120000Z",
          "DTSTAMP:20260301T000000Z",
          "DTSTART:20260302T150000Z",
          "DURATION:PT1H",
          "RRULE:FREQ=WEEKLY;COUNT=4",
          "EXDATE:20260323T150000Z",
          "RDATE:20260325T150000Z",
          "END:VEVENT",
          "BEGIN:VEVENT",
          "UID:visit",
          "RECURRENCE-ID:20260309T150000Z",
          "CREATED:20260201T120000Z",
          "LAST-MODIFIED:20260305T100000Z",
          "DTSTAMP:20260301T000000Z",
          "DTSTART:20260310T150000Z",
          "DURATION:PT1H",
          "END:VEVENT",
          "BEGIN:VEVENT",
          "UID:visit",
          "RECURRENCE-ID:20260316T150000Z",
          "LAST-MODIFIED:20260312T100000Z",
          "DTSTART:20260316T150000Z",
          "STATUS:CANCELLED",
          "END:VEVENT",
          "BEGIN:VEVENT",
          "UID:late",
          "DTSTAMP:20260306T000000Z",
          "DTSTART:20260311T090000Z",
          "END:VEVENT",
          "BEGIN:VEVENT",
          "UID:undated",
          "DTSTART:20260312T090000Z",
          "END:VEVENT");

  @Test
  void beforeAnyChangeTheSeriesStandsAsCreatedWithItsExdateAndRdate() {
    var expansion =
        expand(
            CALENDAR.asOf(Instant.parse("2026-03-02T00:00:00Z")),
            "2026-03-01",
            "2026-04-01",
            "UTC");

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2026-03-02T15:00Z",
            "2026-03-09T15:00Z",
            "2026-03-12T09:00Z",
            "2026-03-16T15:00Z",
            "2026-03-25T15:00Z");
    assertThat(expansion.cancelled()).isEmpty();
  }

  @Test
  void aMoveCountsFromItsLastModifiedAndACancellationLikewise() {
    var afterTheMove = CALENDAR.asOf(Instant.parse("2026-03-06T00:00:00Z"));
    var afterTheCancellation = CALENDAR.asOf(Instant.parse("2026-03-13T00:00:00Z"));

    assertThat(starts(expand(afterTheMove, "2026-03-01", "2026-04-01", "UTC").occurrences()))
        .containsExactly(
            "2026-03-02T15:00Z",
            "2026-03-10T15:00Z",
            "2026-03-11T09:00Z",
            "2026-03-12T09:00Z",
            "2026-03-16T15:00Z",
            "2026-03-25T15:00Z");
    var latest = expand(afterTheCancellation, "2026-03-01", "2026-04-01", "UTC");
    assertThat(starts(latest.occurrences()))
        .containsExactly(
            "2026-03-02T15:00Z",
            "2026-03-10T15:00Z",
            "2026-03-11T09:00Z",
            "2026-03-12T09:00Z",
            "2026-03-25T15:00Z");
    assertThat(starts(latest.cancelled())).containsExactly("2026-03-16T15:00Z");
  }

  @Test
  void aMasterCreatedLaterIsAbsentWithItsOverrides() {
    var before = CALENDAR.asOf(Instant.parse("2026-01-31T00:00:00Z"));

    assertThat(before.events()).extracting(CalendarEvent::uid).containsExactly("undated");
  }

  @Test
  void aMasterWithoutCreatedCountsFromItsDtstampAndATimestampEqualToTheCutoffIsKnown() {
    assertThat(CALENDAR.asOf(Instant.parse("2026-03-05T23:59:59Z")).events())
        .extracting(CalendarEvent::uid)
        .doesNotContain("late");
    assertThat(CALENDAR.asOf(Instant.parse("2026-03-06T00:00:00Z")).events())
        .extracting(CalendarEvent::uid)
        .contains("late");
  }

  @Test
  void anOverrideFallsBackFromLastModifiedToCreatedToDtstamp() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:s",
            "DTSTAMP:20260101T000000Z",
            "DTSTART:20260302T090000Z",
            "RRULE:FREQ=DAILY;COUNT=3",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:s",
            "RECURRENCE-ID:20260302T090000Z",
            "CREATED:20260210T000000Z",
            "DTSTAMP:20260220T000000Z",
            "DTSTART:20260302T100000Z",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:s",
            "RECURRENCE-ID:20260303T090000Z",
            "DTSTAMP:20260220T000000Z",
            "DTSTART:20260303T100000Z",
            "END:VEVENT");

    var mid = calendar.asOf(Instant.parse("2026-02-15T00:00:00Z"));

    assertThat(starts(expand(mid, "2026-03-01", "2026-04-01", "UTC").occurrences()))
        .containsExactly("2026-03-02T10:00Z", "2026-03-03T09:00Z", "2026-03-04T09:00Z");
    assertThat(calendar.events().get(1).knownSince())
        .isEqualTo(Instant.parse("2026-02-10T00:00:00Z"));
  }

  @Test
  void aVeventWithoutTimestampsIsAlwaysKnown() {
    assertThat(CALENDAR.asOf(Instant.parse("1990-01-01T00:00:00Z")).events())
        .extracting(CalendarEvent::uid)
        .containsExactly("undated");
    assertThat(CALENDAR.events().get(4).knownSince()).isEqualTo(Instant.MIN);
  }

  @Test
  void occurrencesCarryWhenTheyBecameKnown() {
    var expansion = expand(CALENDAR, "2026-03-01", "2026-04-01", "UTC");

    assertThat(expansion.occurrences())
        .filteredOn(o -> o.uid().equals("visit"))
        .extracting(o -> o.knownSince().toString())
        .containsExactly("2026-02-01T12:00:00Z", "2026-03-05T10:00:00Z", "2026-02-01T12:00:00Z");
  }
}
