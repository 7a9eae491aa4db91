package dev.primer.calendar;

import static dev.primer.calendar.Ics.expand;
import static dev.primer.calendar.Ics.parse;
import static dev.primer.calendar.Ics.starts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.territory.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalendarExpanderTest {
  private static final String WEEKLY_MONDAY_VISIT_CHICAGO =
      """
      BEGIN:VEVENT
      UID:visit
      DTSTAMP:20260101T000000Z
      DTSTART;TZID=America/Chicago:20260302T090000
      DTEND;TZID=America/Chicago:20260302T100000
      RRULE:FREQ=WEEKLY
      SUMMARY:ACME Pumps service visit
      END:VEVENT""";

  @Test
  void weeklyVisitStaysAtNineLocalAcrossTheUsDstStart() {
    var expansion =
        expand(parse(WEEKLY_MONDAY_VISIT_CHICAGO), "2026-03-02", "2026-03-17", "America/Chicago");

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2026-03-02T09:00-06:00", "2026-03-09T09:00-05:00", "2026-03-16T09:00-05:00");
    assertThat(expansion.occurrences().get(1).end().toOffsetDateTime())
        .hasToString("2026-03-09T10:00-05:00");
  }

  @Test
  void weeklyVisitStaysAtNineLocalAcrossTheEuDstEnd() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:friday",
            "DTSTART;TZID=Europe/Berlin:20261016T090000",
            "DURATION:PT1H",
            "RRULE:FREQ=WEEKLY;BYDAY=FR",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-10-16", "2026-11-07", "Europe/Berlin");

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2026-10-16T09:00+02:00",
            "2026-10-23T09:00+02:00",
            "2026-10-30T09:00+01:00",
            "2026-11-06T09:00+01:00");
  }

  @Test
  void aVisitSeenFromAnotherZoneFollowsTheDstOfItsOwnZone() {
    // Chicago moves to CDT on March 8, Berlin to CEST only on March 29.
    var expansion =
        expand(parse(WEEKLY_MONDAY_VISIT_CHICAGO), "2026-03-02", "2026-03-31", "Europe/Berlin");

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2026-03-02T16:00+01:00",
            "2026-03-09T15:00+01:00",
            "2026-03-16T15:00+01:00",
            "2026-03-23T15:00+01:00",
            "2026-03-30T16:00+02:00");
  }

  @Test
  void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:gap",
            "DTSTART;TZID=America/Chicago:20260308T023000",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-08", "2026-03-09", "America/Chicago");

    assertThat(starts(expansion.occurrences())).containsExactly("2026-03-08T03:30-05:00");
  }

  @Test
  void allDayEventsKeepTheirDateInEveryZone() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:offsite",
            "DTSTART;VALUE=DATE:20260309",
            "DTEND;VALUE=DATE:20260311",
            "END:VEVENT");

    for (String zone : new String[] {"Asia/Tokyo", "America/Los_Angeles"}) {
      var occurrence = expand(calendar, "2026-03-01", "2026-03-31", zone).occurrences().get(0);
      assertThat(occurrence.allDay()).isTrue();
      assertThat(occurrence.start())
          .isEqualTo(LocalDate.of(2026, 3, 9).atStartOfDay(ZoneId.of(zone)));
      assertThat(occurrence.end())
          .isEqualTo(LocalDate.of(2026, 3, 11).atStartOfDay(ZoneId.of(zone)));
    }
  }

  @Test
  void anAllDayEventWithoutEndLastsOneDay() {
    var calendar = parse("BEGIN:VEVENT", "UID:d", "DTSTART;VALUE=DATE:20260309", "END:VEVENT");

    var occurrence = expand(calendar, "2026-03-09", "2026-03-10", "UTC").occurrences().get(0);

    assertThat(occurrence.end().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 10));
  }

  @Test
  void floatingTimesAreReadInTheUsersZone() {
    var calendar = parse("BEGIN:VEVENT", "UID:floating", "DTSTART:20260309T090000", "END:VEVENT");

    assertThat(
            starts(expand(calendar, "2026-03-09", "2026-03-10", "America/Chicago").occurrences()))
        .containsExactly("2026-03-09T09:00-05:00");
    assertThat(starts(expand(calendar, "2026-03-09", "2026-03-10", "Europe/Berlin").occurrences()))
        .containsExactly("2026-03-09T09:00+01:00");
  }

  @Test
  void aMovedOccurrenceReplacesTheOriginalAndRemembersWhereItCameFrom() {
    var calendar =
        parse(
            WEEKLY_MONDAY_VISIT_CHICAGO,
            "BEGIN:VEVENT",
            "UID:visit",
            "RECURRENCE-ID;TZID=America/Chicago:20260309T090000",
            "DTSTART;TZID=America/Chicago:20260310T140000",
            "DTEND;TZID=America/Chicago:20260310T150000",
            "SUMMARY:ACME Pumps visit (moved)",
            "END:VEVENT");

    var occurrences = expand(calendar, "2026-03-02", "2026-03-17", "America/Chicago").occurrences();

    assertThat(starts(occurrences))
        .containsExactly(
            "2026-03-02T09:00-06:00", "2026-03-10T14:00-05:00", "2026-03-16T09:00-05:00");
    Occurrence moved = occurrences.get(1);
    assertThat(moved.summary()).isEqualTo("ACME Pumps visit (moved)");
    assertThat(moved.recurrenceId().orElseThrow().toOffsetDateTime())
        .hasToString("2026-03-09T09:00-05:00");
  }

  @Test
  void anOccurrenceMovedOutOfTheWindowLeavesIt() {
    var calendar =
        parse(
            WEEKLY_MONDAY_VISIT_CHICAGO,
            "BEGIN:VEVENT",
            "UID:visit",
            "RECURRENCE-ID;TZID=America/Chicago:20260309T090000",
            "DTSTART;TZID=America/Chicago:20260401T090000",
            "DTEND;TZID=America/Chicago:20260401T100000",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-02", "2026-03-17", "America/Chicago");

    assertThat(starts(expansion.occurrences()))
        .containsExactly("2026-03-02T09:00-06:00", "2026-03-16T09:00-05:00");
  }

  @Test
  void anOccurrenceMovedIntoTheWindowEntersIt() {
    var calendar =
        parse(
            WEEKLY_MONDAY_VISIT_CHICAGO,
            "BEGIN:VEVENT",
            "UID:visit",
            "RECURRENCE-ID;TZID=America/Chicago:20260330T090000",
            "DTSTART;TZID=America/Chicago:20260311T080000",
            "DTEND;TZID=America/Chicago:20260311T090000",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-02", "2026-03-17", "America/Chicago");

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2026-03-02T09:00-06:00",
            "2026-03-09T09:00-05:00",
            "2026-03-11T08:00-05:00",
            "2026-03-16T09:00-05:00");
  }

  @Test
  void aCancelledInstanceIsLeftOutButVisibleToCallersWhoAsk() {
    var calendar =
        parse(
            WEEKLY_MONDAY_VISIT_CHICAGO,
            "BEGIN:VEVENT",
            "UID:visit",
            "RECURRENCE-ID;TZID=America/Chicago:20260309T090000",
            "STATUS:CANCELLED",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-02", "2026-03-17", "America/Chicago");

    assertThat(starts(expansion.occurrences()))
        .containsExactly("2026-03-02T09:00-06:00", "2026-03-16T09:00-05:00");
    assertThat(expansion.cancelled()).hasSize(1);
    Occurrence cancelled = expansion.cancelled().get(0);
    assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(cancelled.start().toOffsetDateTime()).hasToString("2026-03-09T09:00-05:00");
    assertThat(cancelled.end().toOffsetDateTime())
        .as("an override without DTEND keeps the series' length")
        .hasToString("2026-03-09T10:00-05:00");
  }

  @Test
  void aCancelledSeriesIsOnlyVisibleAsCancelled() {
    var calendar =
        parse(
            WEEKLY_MONDAY_VISIT_CHICAGO.replace(
                "RRULE:FREQ=WEEKLY", "RRULE:FREQ=WEEKLY\nSTATUS:CANCELLED"));

    var expansion = expand(calendar, "2026-03-02", "2026-03-17", "America/Chicago");

    assertThat(expansion.occurrences()).isEmpty();
    assertThat(expansion.cancelled()).hasSize(3);
  }

  @Test
  void exdatesRemoveOccurrencesMatchedByInstantWhateverZoneTheyAreWrittenIn() {
    var calendar =
        parse(
            WEEKLY_MONDAY_VISIT_CHICAGO.replace(
                "RRULE:FREQ=WEEKLY",
                "RRULE:FREQ=WEEKLY\nEXDATE:20260309T140000Z\nEXDATE;TZID=Europe/Berlin:20260323T150000"));

    var expansion = expand(calendar, "2026-03-02", "2026-03-31", "America/Chicago");

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2026-03-02T09:00-06:00", "2026-03-16T09:00-05:00", "2026-03-30T09:00-05:00");
  }

  @Test
  void floatingExdatesAndRecurrenceIdsAreReadOnTheSeriesWallClock() {
    var calendar =
        parse(
            WEEKLY_MONDAY_VISIT_CHICAGO.replace(
                "RRULE:FREQ=WEEKLY", "RRULE:FREQ=WEEKLY\nEXDATE:20260309T090000"),
            "BEGIN:VEVENT",
            "UID:visit",
            "RECURRENCE-ID:20260316T090000",
            "DTSTART;TZID=America/Chicago:20260317T090000",
            "DURATION:PT1H",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-02", "2026-03-24", "Asia/Tokyo");

    assertThat(expansion.occurrences())
        .extracting(o -> o.start().withZoneSameInstant(ZoneId.of("America/Chicago")).toString())
        .containsExactly(
            "2026-03-02T09:00-06:00[America/Chicago]",
            "2026-03-17T09:00-05:00[America/Chicago]",
            "2026-03-23T09:00-05:00[America/Chicago]");
  }

  @Test
  void aDateExdateRemovesTheWholeDayOfAnAllDaySeries() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:standup",
            "DTSTART;VALUE=DATE:20260302",
            "RRULE:FREQ=DAILY;COUNT=5",
            "EXDATE;VALUE=DATE:20260303,20260305",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-01", "2026-03-31", "UTC");

    assertThat(expansion.occurrences())
        .extracting(o -> o.start().toLocalDate().toString())
        .containsExactly("2026-03-02", "2026-03-04", "2026-03-06");
  }

  @Test
  void rdatesAddOccurrencesAndAPeriodBringsItsOwnLength() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:extra",
            "DTSTART;TZID=America/Chicago:20260302T090000",
            "DURATION:PT1H",
            "RDATE;TZID=America/Chicago:20260304T130000,20260306T080000",
            "RDATE;VALUE=PERIOD:20260310T150000Z/PT3H",
            "END:VEVENT");

    var occurrences = expand(calendar, "2026-03-01", "2026-03-31", "America/Chicago").occurrences();

    assertThat(starts(occurrences))
        .containsExactly(
            "2026-03-02T09:00-06:00",
            "2026-03-04T13:00-06:00",
            "2026-03-06T08:00-06:00",
            "2026-03-10T10:00-05:00");
    assertThat(occurrences.get(1).end().toOffsetDateTime()).hasToString("2026-03-04T14:00-06:00");
    assertThat(occurrences.get(3).end().toOffsetDateTime()).hasToString("2026-03-10T13:00-05:00");
    assertThat(occurrences).allSatisfy(o -> assertThat(o.recurrenceId()).contains(o.start()));
  }

  @Test
  void untilIsInclusiveAndCountIncludesDtstart() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:until",
            "DTSTART:20260302T090000Z",
            "RRULE:FREQ=DAILY;UNTIL=20260304T090000Z",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:count",
            "DTSTART:20260302T100000Z",
            "RRULE:FREQ=DAILY;COUNT=3",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-01", "2026-03-31", "UTC");

    assertThat(expansion.occurrences())
        .filteredOn(o -> o.uid().equals("until"))
        .extracting(o -> o.start().toLocalDate().toString())
        .containsExactly("2026-03-02", "2026-03-03", "2026-03-04");
    assertThat(expansion.occurrences())
        .filteredOn(o -> o.uid().equals("count"))
        .extracting(o -> o.start().toLocalDate().toString())
        .containsExactly("2026-03-02", "2026-03-03", "2026-03-04");
  }

  @Test
  void aFloatingUntilIsReadOnTheWallClockOfTheSeries() {
    // CalDAV servers and Outlook write UNTIL without Z; it means the series' own local time.
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:local-until",
            "DTSTART;TZID=Europe/Berlin:20240101T100000",
            "RRULE:FREQ=WEEKLY;UNTIL=20240122T100000",
            "END:VEVENT");

    var expansion = expand(calendar, "2024-01-01", "2024-03-01", "Europe/Berlin");

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2024-01-01T10:00+01:00",
            "2024-01-08T10:00+01:00",
            "2024-01-15T10:00+01:00",
            "2024-01-22T10:00+01:00");
  }

  @Test
  void countIsCountedFromDtstartEvenWhenTheWindowStartsLater() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:count",
            "DTSTART;TZID=America/Chicago:20260105T090000",
            "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-02-01", "2026-03-01", "America/Chicago");

    // Ten instances: Jan 5, 7, 12, 14, 19, 21, 26, 28, Feb 2, Feb 4.
    assertThat(starts(expansion.occurrences()))
        .containsExactly("2026-02-02T09:00-06:00", "2026-02-04T09:00-06:00");
  }

  @Test
  void aSecondlyRuleWithoutEndIsCutAndReportedQuickly() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:runaway",
            "DTSTART:20200101T000000Z",
            "RRULE:FREQ=SECONDLY",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:visit",
            "DTSTART:20260303T090000Z",
            "END:VEVENT");
    long started = System.nanoTime();

    var expansion = expand(calendar, "2026-03-02", "2026-03-16", "UTC");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(expansion.occurrences()).filteredOn(o -> o.uid().equals("runaway")).hasSize(1_000);
    assertThat(expansion.occurrences()).filteredOn(o -> o.uid().equals("visit")).hasSize(1);
    Truncation cut = expansion.truncations().get(0);
    assertThat(cut.uid()).isEqualTo("runaway");
    assertThat(cut.reason()).isEqualTo(Truncation.Reason.EVENT_LIMIT);
    assertThat(cut.kept()).isEqualTo(1_000);
    assertThat(cut.omitted()).isEqualTo(10_000);
    assertThat(cut.omittedAtLeast()).isTrue();
    assertThat(cut.describe())
        .isEqualTo(
            "truncated runaway (per-event occurrence limit): kept 1000, omitted at least 10000");
  }

  @Test
  void aHugeCountFromLongAgoIsSkippedArithmeticallyNotWalked() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:counted",
            "DTSTART:20000101T000000Z",
            "RRULE:FREQ=SECONDLY;COUNT=2000000000",
            "END:VEVENT");

    var expansion =
        new CalendarExpander(new ExpansionLimits(10, 100, 20_000))
            .expand(
                calendar,
                new ExpansionWindow(
                    Instant.parse("2026-03-02T09:00:00Z"),
                    Instant.parse("2026-03-02T09:00:05Z"),
                    ZoneId.of("UTC")));

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2026-03-02T09:00Z",
            "2026-03-02T09:00:01Z",
            "2026-03-02T09:00:02Z",
            "2026-03-02T09:00:03Z",
            "2026-03-02T09:00:04Z");
    assertThat(expansion.truncations()).isEmpty();
  }

  @Test
  void aRuleThatWouldWalkTooLongIsGivenUpAndReported() {
    // COUNT with a BY part cannot be skipped: every minute since 2000 would have to be walked.
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:slow",
            "DTSTART:20000101T000000Z",
            "RRULE:FREQ=MINUTELY;BYSECOND=0;COUNT=100000000",
            "END:VEVENT");

    var expansion =
        new CalendarExpander(new ExpansionLimits(1_000, 10_000, 50_000))
            .expand(calendar, ExpansionWindow.day(LocalDate.of(2026, 3, 2), ZoneId.of("UTC")));

    assertThat(expansion.occurrences()).isEmpty();
    assertThat(expansion.truncations())
        .containsExactly(new Truncation("slow", Truncation.Reason.STEP_LIMIT, 0, 0, true));
  }

  @Test
  void theCalendarLimitKeepsTheEarliestOccurrencesAndSaysWhatItDropped() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:a",
            "DTSTART:20260302T090000Z",
            "RRULE:FREQ=DAILY",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:b",
            "DTSTART:20260302T100000Z",
            "RRULE:FREQ=DAILY",
            "END:VEVENT");

    var expansion =
        new CalendarExpander(new ExpansionLimits(100, 5, 10_000))
            .expand(
                calendar,
                ExpansionWindow.days(
                    LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6), ZoneId.of("UTC")));

    assertThat(starts(expansion.occurrences()))
        .containsExactly(
            "2026-03-02T09:00Z",
            "2026-03-02T10:00Z",
            "2026-03-03T09:00Z",
            "2026-03-03T10:00Z",
            "2026-03-04T09:00Z");
    assertThat(expansion.truncations())
        .containsExactlyInAnyOrder(
            new Truncation("a", Truncation.Reason.CALENDAR_LIMIT, 3, 1, false),
            new Truncation("b", Truncation.Reason.CALENDAR_LIMIT, 2, 2, false));
  }

  @Test
  void anEventBelongsToTheWindowWhenItOverlapsIt() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:ends-at-start",
            "DTSTART:20260301T230000Z",
            "DTEND:20260302T000000Z",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:spans-start",
            "DTSTART:20260301T230000Z",
            "DTEND:20260302T010000Z",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:instant-at-start",
            "DTSTART:20260302T000000Z",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:starts-at-end",
            "DTSTART:20260303T000000Z",
            "DTEND:20260303T010000Z",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-02", "2026-03-03", "UTC");

    assertThat(expansion.occurrences())
        .extracting(Occurrence::uid)
        .containsExactly("spans-start", "instant-at-start");
  }

  @Test
  void aMultiDayRecurrenceThatStartedBeforeTheWindowIsIncluded() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:trade-fair",
            "DTSTART;VALUE=DATE:20260227",
            "DTEND;VALUE=DATE:20260304",
            "RRULE:FREQ=MONTHLY",
            "END:VEVENT");

    var expansion = expand(calendar, "2026-03-02", "2026-03-03", "UTC");

    assertThat(expansion.occurrences()).hasSize(1);
    assertThat(expansion.occurrences().get(0).start().toLocalDate()).hasToString("2026-02-27");
  }

  @Test
  void aOneOffHasNoRecurrenceIdAndEveryOccurrenceCarriesItsDetails() {
    var calendar =
        parse(
            "BEGIN:VEVENT",
            "UID:one-off",
            "CREATED:20260220T080000Z",
            "DTSTAMP:20260301T000000Z",
            "DTSTART:20260302T090000Z",
            "SUMMARY:Quarterly review\\, ACME",
            "LOCATION:41.8781,-87.6298",
            "DESCRIPTION:Bring the P-200 schematics\\nand the quote",
            "URL:https://crm.example.com/accounts/a17",
            "ORGANIZER;CN=Ana:mailto:Ana@Primer.dev",
            "ATTENDEE;CN=Bob:mailto:bob@acmepumps.com",
            "ATTENDEE;EMAIL=carol@acmepumps.com:urn:uuid:123",
            "X-PRIMER-ACCOUNT-ID:a17",
            "END:VEVENT");

    Occurrence o = expand(calendar, "2026-03-02", "2026-03-03", "UTC").occurrences().get(0);

    assertThat(o.recurrenceId()).isEmpty();
    assertThat(o.summary()).isEqualTo("Quarterly review, ACME");
    assertThat(o.description()).isEqualTo("Bring the P-200 schematics\nand the quote");
    assertThat(o.geo()).contains(new GeoPoint(41.8781, -87.6298));
    assertThat(o.url()).contains("https://crm.example.com/accounts/a17");
    assertThat(o.organizer()).contains("ana@primer.dev");
    assertThat(o.attendees()).containsExactly("bob@acmepumps.com", "carol@acmepumps.com");
    assertThat(o.xProperty("X-PRIMER-ACCOUNT-ID")).contains("a17");
    assertThat(o.knownSince()).isEqualTo(Instant.parse("2026-02-20T08:00:00Z"));
  }

  @Test
  void aWindowMustNotBeEmpty() {
    Instant t = Instant.parse("2026-03-02T00:00:00Z");
    assertThatThrownBy(() -> new ExpansionWindow(t, t, ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from must be before to");
  }
}
