package dev.primer.bench.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * ical4j 4.x used the way the issue asks it to be measured: relaxed unfolding, parsing and
 * validation, Outlook compatibility, invalid properties suppressed; each event's recurrence set
 * computed on its own so one bad event does not lose the others; overrides (RECURRENCE-ID) and
 * STATUS:CANCELLED applied as Primer applies them.
 */
final class Ical4jEngine {
  static {
    for (String hint :
        List.of(
            CompatibilityHints.KEY_RELAXED_UNFOLDING,
            CompatibilityHints.KEY_RELAXED_PARSING,
            CompatibilityHints.KEY_RELAXED_VALIDATION,
            CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY)) {
      CompatibilityHints.setHintEnabled(hint, true);
    }
  }

  private Ical4jEngine() {}

  /** Reads a whole file, or says why ical4j gave up on it. */
  static Read read(String text) {
    CalendarBuilder builder =
        new CalendarBuilder(
            CalendarParserFactory.getInstance().get(),
            new ContentHandlerContext().withSuppressInvalidProperties(true),
            TimeZoneRegistryFactory.getInstance().createRegistry());
    try {
      return new Read(Optional.of(builder.build(new StringReader(text))), "");
    } catch (ParserException e) {
      return new Read(Optional.empty(), "line " + e.getLineNo() + ": " + firstLine(e));
    } catch (IOException | RuntimeException e) {
      return new Read(Optional.empty(), e.getClass().getSimpleName() + ": " + firstLine(e));
    }
  }

  /** A file as ical4j read it, or why it could not. */
  record Read(Optional<Calendar> calendar, String error) {}

  /** The occurrences of a calendar as keys (see {@link Keys}) and the events that failed. */
  record Occurrences(Set<String> keys, List<String> eventErrors) {}

  /** Occurrences starting in [from, to), timed ones in {@code zone} when floating. */
  static Occurrences expand(Calendar calendar, Instant from, Instant to, ZoneId zone) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    Map<String, List<VEvent>> overrides = new HashMap<>();
    for (VEvent e : events) {
      if (e.getProperty(Property.RECURRENCE_ID).isPresent()) {
        overrides.computeIfAbsent(uid(e), k -> new ArrayList<>()).add(e);
      }
    }
    Period<ZonedDateTime> window =
        new Period<>(from.atZone(zone).minusDays(2), to.atZone(zone).plusDays(2));
    Set<String> keys = new HashSet<>();
    List<String> errors = new ArrayList<>();
    for (VEvent master : events) {
      if (master.getProperty(Property.RECURRENCE_ID).isPresent()) {
        continue;
      }
      String uid = uid(master);
      try {
        Set<String> starts = new HashSet<>();
        if (!cancelled(master)) {
          for (Period<Temporal> p : master.<Temporal>calculateRecurrenceSet(window)) {
            starts.add(Keys.start(p.getStart(), zone));
          }
        }
        for (VEvent override : overrides.getOrDefault(uid, List.of())) {
          starts.remove(Keys.start(dateOf(override, Property.RECURRENCE_ID), zone));
          if (!cancelled(override)) {
            starts.add(Keys.start(dateOf(override, Property.DTSTART), zone));
          }
        }
        for (String start : starts) {
          if (Keys.inWindow(start, from, to, zone)) {
            keys.add(uid + "@" + start);
          }
        }
      } catch (RuntimeException e) {
        errors.add(uid + ": " + e.getClass().getSimpleName() + ": " + firstLine(e));
      }
    }
    return new Occurrences(keys, errors);
  }

  private static String uid(VEvent e) {
    return e.getProperty(Property.UID).map(Property::getValue).orElse("");
  }

  private static boolean cancelled(VEvent e) {
    return e.getProperty(Property.STATUS)
        .map(Property::getValue)
        .filter("CANCELLED"::equals)
        .isPresent();
  }

  private static Temporal dateOf(VEvent e, String property) {
    Optional<DateProperty<Temporal>> p = e.getProperty(property);
    return p.orElseThrow().getDate();
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Keys that make both engines' occurrences comparable: "uid@date" or "uid@instant". */
  static final class Keys {
    private Keys() {}

    static String start(Temporal t, ZoneId zone) {
      if (t instanceof LocalDate d) {
        return d.toString();
      }
      if (t instanceof LocalDateTime local) {
        return local.atZone(zone).toInstant().toString();
      }
      return Instant.from(t).toString();
    }

    static boolean inWindow(String start, Instant from, Instant to, ZoneId zone) {
      Instant at =
          start.length() == 10
              ? LocalDate.parse(start).atStartOfDay(zone).toInstant()
              : Instant.parse(start);
      return !at.isBefore(from) && at.isBefore(to);
    }
  }
}
