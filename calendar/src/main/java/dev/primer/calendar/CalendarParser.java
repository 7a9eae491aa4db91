package dev.primer.calendar;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads iCalendar text (RFC 5545) the way real exports need: CRLF or LF, folded lines, Outlook's
 * quoted and Windows-named TZIDs, custom VTIMEZONEs, lower-case names, missing ENDs. Problems are
 * collected with their line, never thrown, and one broken VEVENT costs only itself.
 */
public final class CalendarParser {
  private CalendarParser() {}

  /** Reads a file (UTF-8; bytes that are not UTF-8 become U+FFFD); problems name the file. */
  public static ParsedCalendar parse(Path file) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return parse(text, String.valueOf(file.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads everything from {@code reader}; {@code source} names it in problems. */
  public static ParsedCalendar parse(Reader reader, String source) {
    try {
      StringWriter text = new StringWriter();
      reader.transferTo(text);
      return parse(text.toString(), source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /**
   * Reads calendar text.
   *
   * @throws CalendarFormatException when the text holds neither a VCALENDAR nor a VEVENT
   */
  public static ParsedCalendar parse(String text, String source) {
    List<Problem> problems = new ArrayList<>();
    List<Component> roots = ComponentReader.read(text, problems::add);
    List<Component> calendars = new ArrayList<>();
    List<Component> vtimezones = new ArrayList<>();
    List<Component> vevents = new ArrayList<>();
    for (Component root : roots) {
      switch (root.name()) {
        case "VCALENDAR" -> {
          calendars.add(root);
          vtimezones.addAll(root.children("VTIMEZONE"));
          vevents.addAll(root.children("VEVENT"));
        }
        case "VEVENT", "VTIMEZONE" -> {
          problems.add(
              new Problem(
                  root.line(), root.name(), root.name() + " outside VCALENDAR; read anyway"));
          (root.name().equals("VEVENT") ? vevents : vtimezones).add(root);
        }
        default ->
            problems.add(
                new Problem(root.line(), root.name(), root.name() + " outside VCALENDAR; ignored"));
      }
    }
    if (calendars.isEmpty() && vevents.isEmpty()) {
      throw new CalendarFormatException(
          source + ": no BEGIN:VCALENDAR or BEGIN:VEVENT found; not an iCalendar file");
    }
    ZoneResolver zones = new ZoneResolver(vtimezones, problems::add);
    EventReader reader = new EventReader(source, zones, problems::add);
    List<CalendarEvent> events = new ArrayList<>();
    for (Component vevent : vevents) {
      reader.read(vevent).ifPresent(events::add);
    }
    List<CalendarEvent> unique = withoutDuplicates(events, problems::add);
    Optional<ZoneId> zone = ownZone(calendars, vtimezones);
    problems.sort(Comparator.comparingInt(Problem::line));
    return new ParsedCalendar(source, unique, problems, zone);
  }

  /** X-WR-TIMEZONE, else the only VTIMEZONE, when it names a zone java.time knows. */
  private static Optional<ZoneId> ownZone(List<Component> calendars, List<Component> vtimezones) {
    for (Component calendar : calendars) {
      Optional<ZoneId> declared =
          calendar.first("X-WR-TIMEZONE").flatMap(l -> ZoneResolver.knownZone(l.value()));
      if (declared.isPresent()) {
        return declared;
      }
    }
    if (vtimezones.size() != 1) {
      return Optional.empty();
    }
    Component only = vtimezones.get(0);
    return only.first("TZID")
        .flatMap(l -> ZoneResolver.knownZone(PropertyValues.text(l.value())))
        .or(() -> only.first("X-LIC-LOCATION").flatMap(l -> ZoneResolver.knownZone(l.value())));
  }

  private record Key(String uid, Optional<EventTime> recurrenceId) {}

  /**
   * Keeps one VEVENT per UID and RECURRENCE-ID: the highest SEQUENCE, then the latest LAST-MODIFIED
   * or DTSTAMP, then the later one in the file, as a calendar program would.
   */
  private static List<CalendarEvent> withoutDuplicates(
      List<CalendarEvent> events, Consumer<Problem> problems) {
    Map<Key, CalendarEvent> kept = new LinkedHashMap<>();
    Comparator<CalendarEvent> newer =
        Comparator.comparingInt(CalendarEvent::sequence)
            .thenComparing(e -> e.lastModified().or(e::stamp).orElse(Instant.MIN))
            .thenComparingInt(CalendarEvent::line);
    for (CalendarEvent event : events) {
      Key key = new Key(event.uid(), event.recurrenceId());
      CalendarEvent other = kept.get(key);
      if (other == null) {
        kept.put(key, event);
        continue;
      }
      CalendarEvent winner = newer.compare(event, other) > 0 ? event : other;
      @SuppressWarnings("ReferenceEquality") // which of the two objects won, not an equal one
      CalendarEvent loser = winner == event ? other : event;
      kept.put(key, winner);
      problems.accept(
          new Problem(
              loser.line(),
              "UID",
              "another VEVENT with UID "
                  + event.uid()
                  + (event.isOverride() ? " and the same RECURRENCE-ID" : "")
                  + " at line "
                  + winner.line()
                  + " supersedes this one (SEQUENCE "
                  + winner.sequence()
                  + " vs "
                  + loser.sequence()
                  + "); ignored"));
    }
    return List.copyOf(kept.values());
  }
}
