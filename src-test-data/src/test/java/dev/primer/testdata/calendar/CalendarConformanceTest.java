package dev.primer.testdata.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.ExpansionWindow;
import dev.primer.calendar.ParsedCalendar;
import dev.primer.core.dataset.User;
import dev.primer.testdata.generate.SmallOrganisation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

/**
 * The calendars are checked with ical4j itself, independently of Primer's own calendar code: every
 * file parses, and expands to exactly the visits the simulation planned.
 */
class CalendarConformanceTest {
  private final SmallOrganisation small = SmallOrganisation.get();

  @Test
  void everyCalendarParsesWithIcal4jAndExpandsToThePlannedVisits() throws Exception {
    Map<String, Set<String>> plannedByUser = new HashMap<>();
    Instant from = small.info().startDate().atStartOfDay(ZoneId.of("UTC")).toInstant();
    Instant to = small.info().endDate().atStartOfDay(ZoneId.of("UTC")).toInstant();
    List<User> users = small.dataSet().users();
    for (Visit visit : small.visits()) {
      if (visit.uid().isPresent()
          && visit.cancelledAt().isEmpty()
          && !visit.start().isBefore(from)
          && visit.start().isBefore(to)) {
        plannedByUser
            .computeIfAbsent(users.get(visit.repIndex()).id(), k -> new HashSet<>())
            .add(visit.uid().get() + "@" + visit.start());
      }
    }

    int checked = 0;
    for (User user : users) {
      Path file = small.dataSet().calendarOf(user.id()).orElseThrow();
      Set<String> expanded = expand(parse(file), user.timezone(), from, to);
      assertThat(expanded)
          .as("occurrences of %s", file.getFileName())
          .isEqualTo(plannedByUser.getOrDefault(user.id(), Set.of()));
      checked += expanded.size();
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void primingCoreExpandsEveryCalendarExactlyAsIcal4jDoes() throws Exception {
    Instant from = small.info().startDate().atStartOfDay(ZoneId.of("UTC")).toInstant();
    Instant to = small.info().endDate().atStartOfDay(ZoneId.of("UTC")).toInstant();
    for (User user : small.dataSet().users()) {
      Path file = small.dataSet().calendarOf(user.id()).orElseThrow();
      ParsedCalendar ours = CalendarParser.parse(file);
      assertThat(ours.problems()).as("problems in %s", file.getFileName()).isEmpty();
      Set<String> expanded =
          ours.expand(new ExpansionWindow(from, to, user.timezone())).occurrences().stream()
              .filter(o -> !o.allDay() && !o.start().toInstant().isBefore(from))
              .map(o -> o.uid() + "@" + o.start().toInstant())
              .collect(Collectors.toSet());
      assertThat(expanded)
          .as("priming-core's reading of %s", file.getFileName())
          .isEqualTo(expand(parse(file), user.timezone(), from, to));
    }
  }

  @Test
  void calendarsUseTheFeaturesRealExportsHave() throws IOException {
    StringBuilder all = new StringBuilder();
    for (User user : small.dataSet().users()) {
      all.append(Files.readString(small.dataSet().calendarOf(user.id()).orElseThrow()));
    }
    String text = all.toString();
    assertThat(text)
        .contains("\r\n")
        .contains("BEGIN:VTIMEZONE")
        .contains("TZID:America/Chicago")
        .contains("TZID:Pacific Standard Time")
        .contains("PRODID:-//Google Inc//Google Calendar")
        .contains("PRODID:-//Microsoft Corporation//Outlook")
        .contains("RRULE:FREQ=WEEKLY;BYDAY=")
        .contains(";INTERVAL=2")
        .contains("RRULE:FREQ=MONTHLY")
        .contains(";UNTIL=")
        .contains(";COUNT=")
        .contains("EXDATE")
        .contains("RECURRENCE-ID")
        .contains("STATUS:CANCELLED")
        .contains("DTSTART;VALUE=DATE:")
        .contains("X-PRIMER-ACCOUNT-ID:")
        .contains("ATTENDEE;")
        .contains("GEO:")
        .containsPattern("LOCATION:\\d+ [A-Za-z]+ [A-Za-z]+\\\\, ")
        .containsPattern("LOCATION:-?\\d+\\.\\d+\\\\,-?\\d+\\.\\d+");
    assertThat(text.lines())
        .allSatisfy(
            line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
  }

  private static Calendar parse(Path file) throws IOException, ParserException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new CalendarBuilder().build(in);
    }
  }

  /** "uid@start" of every non-cancelled, timed occurrence starting in [from, to). */
  private static Set<String> expand(Calendar calendar, ZoneId zone, Instant from, Instant to) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    Map<String, List<VEvent>> overrides =
        events.stream()
            .filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent())
            .collect(Collectors.groupingBy(CalendarConformanceTest::uid));
    Period<ZonedDateTime> window =
        new Period<>(from.atZone(zone).minusDays(3), to.atZone(zone).plusDays(3));
    Set<String> out = new HashSet<>();
    for (VEvent master : events) {
      if (master.getProperty(Property.RECURRENCE_ID).isPresent() || allDay(master)) {
        continue;
      }
      String uid = uid(master);
      Set<Instant> starts = new HashSet<>();
      if (!cancelled(master)) {
        for (Period<Temporal> p : master.<Temporal>calculateRecurrenceSet(window)) {
          starts.add(instant(p.getStart()));
        }
      }
      for (VEvent override : overrides.getOrDefault(uid, List.of())) {
        starts.remove(instant(dateOf(override, Property.RECURRENCE_ID)));
        if (!cancelled(override)) {
          starts.add(instant(dateOf(override, Property.DTSTART)));
        }
      }
      starts.stream()
          .filter(s -> !s.isBefore(from) && s.isBefore(to))
          .forEach(s -> out.add(uid + "@" + s));
    }
    return out;
  }

  private static String uid(VEvent e) {
    return e.getProperty(Property.UID).map(Property::getValue).orElseThrow();
  }

  private static boolean cancelled(VEvent e) {
    return e.getProperty(Property.STATUS)
        .map(Property::getValue)
        .filter("CANCELLED"::equals)
        .isPresent();
  }

  private static boolean allDay(VEvent e) {
    return e.getProperty(Property.DTSTART)
        .map(Property::getValue)
        .map(v -> v.length() == 8)
        .orElse(false);
  }

  private static Temporal dateOf(VEvent e, String property) {
    Optional<DateProperty<Temporal>> p = e.getProperty(property);
    return p.orElseThrow().getDate();
  }

  private static Instant instant(Temporal t) {
    return Instant.from(t);
  }
}
