package dev.primer.calendar;

import dev.primer.territory.GeoPoint;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads one VEVENT into a {@link CalendarEvent}. A bad property costs only itself (reported, then
 * ignored); only a VEVENT with no usable start is dropped.
 */
final class EventReader {
  private final String source;
  private final ZoneResolver zones;
  private final Consumer<Problem> problems;

  EventReader(String source, ZoneResolver zones, Consumer<Problem> problems) {
    this.source = source;
    this.zones = zones;
    this.problems = problems;
  }

  Optional<CalendarEvent> read(Component vevent) {
    String uid = vevent.first("UID").map(l -> PropertyValues.text(l.value()).trim()).orElse("");
    if (uid.isEmpty()) {
      uid = source + "#L" + vevent.line();
      problems.accept(new Problem(vevent.line(), "UID", "VEVENT has no UID; called it " + uid));
    }
    Optional<EventTime> recurrenceId = Optional.empty();
    Optional<ContentLine> recurrenceIdLine = vevent.first("RECURRENCE-ID");
    if (recurrenceIdLine.isPresent()) {
      ContentLine line = recurrenceIdLine.get();
      recurrenceId = value(line, () -> dateTime(line));
      if (recurrenceId.isEmpty()) {
        report(vevent, "override of " + uid + " has no usable RECURRENCE-ID; it is skipped");
        return Optional.empty();
      }
      if (line.param("RANGE").filter(r -> r.equalsIgnoreCase("THISANDFUTURE")).isPresent()) {
        problems.accept(
            new Problem(
                line.line(),
                line.name(),
                "RANGE=THISANDFUTURE is not supported; the override applies to this instance only"));
      }
    }
    Optional<EventTime> start = vevent.first("DTSTART").flatMap(l -> value(l, () -> dateTime(l)));
    if (start.isEmpty()) {
      if (recurrenceId.isEmpty()) {
        report(vevent, "VEVENT " + uid + " has no usable DTSTART; it is skipped");
        return Optional.empty();
      }
      start = recurrenceId;
    }
    Optional<EventTime> end = end(vevent, start.get());
    Optional<EventDuration> duration = vevent.first("DURATION").flatMap(this::duration);
    if (end.isPresent() && duration.isPresent()) {
      problems.accept(
          new Problem(
              vevent.first("DURATION").orElseThrow().line(),
              "DURATION",
              "VEVENT has both DTEND and DURATION; DTEND is used"));
      duration = Optional.empty();
    }
    return Optional.of(
        new CalendarEvent(
            uid,
            vevent.line(),
            vevent.first("SEQUENCE").flatMap(l -> value(l, () -> sequence(l))).orElse(0),
            start.get(),
            end,
            duration,
            rule(vevent),
            recurrenceDates(vevent),
            exceptionDates(vevent),
            recurrenceId,
            vevent.first("STATUS").flatMap(this::status).orElse(EventStatus.CONFIRMED),
            text(vevent, "SUMMARY"),
            text(vevent, "LOCATION"),
            vevent.first("GEO").flatMap(this::geo),
            text(vevent, "DESCRIPTION"),
            vevent.first("URL").map(l -> l.value().trim()).filter(u -> !u.isEmpty()),
            vevent.first("ORGANIZER").flatMap(PropertyValues::email),
            attendees(vevent),
            xProperties(vevent),
            timestamp(vevent, "CREATED"),
            timestamp(vevent, "DTSTAMP"),
            timestamp(vevent, "LAST-MODIFIED")));
  }

  private EventTime dateTime(ContentLine line) {
    return PropertyValues.dateTime(line.value(), line.param("TZID"), zones, line.line());
  }

  private Optional<EventTime> end(Component vevent, EventTime start) {
    Optional<ContentLine> line = vevent.first("DTEND");
    Optional<EventTime> end = line.flatMap(l -> value(l, () -> dateTime(l)));
    if (end.isEmpty()) {
      return end;
    }
    if (end.get().date() != start.date()) {
      problems.accept(
          new Problem(
              line.get().line(),
              "DTEND",
              "DTEND is a " + kind(end.get()) + " but DTSTART a " + kind(start) + "; ignored"));
      return Optional.empty();
    }
    boolean sameFrame = end.get().zone().equals(start.zone());
    if (sameFrame && end.get().local().isBefore(start.local())) {
      problems.accept(new Problem(line.get().line(), "DTEND", "DTEND is before DTSTART; ignored"));
      return Optional.empty();
    }
    return end;
  }

  private static String kind(EventTime time) {
    return time.date() ? "DATE" : "DATE-TIME";
  }

  private Optional<EventDuration> duration(ContentLine line) {
    return value(
        line,
        () ->
            PropertyValues.duration(
                line.value(),
                repaired -> problems.accept(new Problem(line.line(), line.name(), repaired))));
  }

  private Optional<RecurrenceRule> rule(Component vevent) {
    List<ContentLine> rules = vevent.all("RRULE");
    for (int i = 1; i < rules.size(); i++) {
      problems.accept(
          new Problem(rules.get(i).line(), "RRULE", "only the first RRULE is used; ignored"));
    }
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    ContentLine line = rules.get(0);
    return value(
        line,
        () ->
            RecurrenceRule.parse(
                line.value(),
                skipped ->
                    problems.accept(new Problem(line.line(), "RRULE", skipped + "; left out"))));
  }

  private List<RecurrenceDate> recurrenceDates(Component vevent) {
    List<RecurrenceDate> out = new ArrayList<>();
    for (ContentLine line : vevent.all("RDATE")) {
      value(line, () -> PropertyValues.recurrenceDates(line, zones)).ifPresent(out::addAll);
    }
    return out;
  }

  private List<EventTime> exceptionDates(Component vevent) {
    List<EventTime> out = new ArrayList<>();
    for (ContentLine line : vevent.all("EXDATE")) {
      value(line, () -> PropertyValues.dateTimes(line, zones)).ifPresent(out::addAll);
    }
    return out;
  }

  private Optional<EventStatus> status(ContentLine line) {
    Optional<EventStatus> status = EventStatus.parse(line.value());
    if (status.isEmpty()) {
      problems.accept(
          new Problem(
              line.line(),
              "STATUS",
              "unknown status '" + line.value().trim() + "'; read as CONFIRMED"));
    }
    return status;
  }

  private Optional<GeoPoint> geo(ContentLine line) {
    Optional<GeoPoint> geo = Coordinates.parse(line.value());
    if (geo.isEmpty() && !line.value().isBlank()) {
      problems.accept(
          new Problem(
              line.line(),
              "GEO",
              "'" + ContentLexer.abbreviate(line.value()) + "' is not 'latitude;longitude'"));
    }
    return geo;
  }

  private static List<String> attendees(Component vevent) {
    Set<String> emails = new LinkedHashSet<>();
    for (ContentLine line : vevent.all("ATTENDEE")) {
      PropertyValues.email(line).ifPresent(emails::add);
    }
    return List.copyOf(emails);
  }

  private static Map<String, List<String>> xProperties(Component vevent) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ContentLine line : vevent.properties()) {
      if (line.name().startsWith("X-")) {
        out.computeIfAbsent(line.name(), k -> new ArrayList<>())
            .add(PropertyValues.text(line.value()));
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  private Optional<Instant> timestamp(Component vevent, String name) {
    return vevent.first(name).flatMap(l -> value(l, () -> PropertyValues.timestamp(l, zones)));
  }

  private static int sequence(ContentLine line) {
    try {
      return Integer.parseInt(line.value().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + line.value().trim() + "' is not an integer", e);
    }
  }

  private static String text(Component vevent, String name) {
    return vevent.first(name).map(l -> PropertyValues.text(l.value()).trim()).orElse("");
  }

  /** Reads a property value, turning a failure into a problem on its line. */
  private <T> Optional<T> value(ContentLine line, Supplier<T> reader) {
    try {
      return Optional.of(reader.get());
    } catch (IllegalArgumentException | DateTimeException e) {
      problems.accept(new Problem(line.line(), line.name(), e.getMessage() + "; ignored"));
      return Optional.empty();
    }
  }

  private void report(Component vevent, String message) {
    problems.accept(new Problem(vevent.line(), "VEVENT", message));
  }
}
