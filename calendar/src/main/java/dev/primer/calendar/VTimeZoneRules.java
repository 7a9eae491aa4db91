package dev.primer.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds java.time rules from a custom VTIMEZONE (RFC 5545 section 3.6.5): every onset of every
 * STANDARD and DAYLIGHT observance up to {@link #HORIZON}, as explicit transitions. Used only for
 * zones that are neither IANA nor Windows names, such as Exchange's "Customized Time Zone".
 */
final class VTimeZoneRules {
  private static final LocalDateTime HORIZON = LocalDateTime.of(2100, 1, 1, 0, 0);
  private static final long MAX_STEPS = 20_000;

  private record Onset(Instant at, ZoneOffset from, ZoneOffset to) {}

  private VTimeZoneRules() {}

  static Optional<ZoneRules> build(Component vtimezone, Consumer<Problem> problems) {
    List<Observance> observances = new ArrayList<>();
    for (Component component : vtimezone.children()) {
      if (component.name().equals("STANDARD") || component.name().equals("DAYLIGHT")) {
        try {
          observances.add(observance(component));
        } catch (IllegalArgumentException | DateTimeException e) {
          problems.accept(
              new Problem(
                  component.line(),
                  component.name(),
                  e.getMessage() + "; this observance is ignored"));
        }
      }
    }
    List<Onset> onsets = new ArrayList<>();
    for (Observance observance : observances) {
      LocalDateTime nextEra =
          observances.stream()
              .filter(
                  o -> o.kind().equals(observance.kind()) && o.start().isAfter(observance.start()))
              .map(Observance::start)
              .min(Comparator.naturalOrder())
              .orElse(LocalDateTime.MAX);
      for (LocalDateTime local : observance.onsets()) {
        if (local.isBefore(nextEra)) {
          onsets.add(
              new Onset(local.toInstant(observance.from()), observance.from(), observance.to()));
        }
      }
    }
    if (onsets.isEmpty()) {
      problems.accept(
          new Problem(vtimezone.line(), "VTIMEZONE", "no usable STANDARD or DAYLIGHT observance"));
      return Optional.empty();
    }
    onsets.sort(Comparator.comparing(Onset::at));
    ZoneOffset base = onsets.get(0).from();
    List<ZoneOffsetTransition> transitions = new ArrayList<>();
    ZoneOffset current = base;
    for (Onset onset : onsets) {
      ZoneOffsetTransition last =
          transitions.isEmpty() ? null : transitions.get(transitions.size() - 1);
      if (last != null && last.getInstant().equals(onset.at())) {
        // Two observances starting at the same instant (Outlook's 1601-01-01): the later one wins.
        transitions.remove(transitions.size() - 1);
        current = last.getOffsetBefore();
      }
      if (!onset.to().equals(current)) {
        var local = LocalDateTime.ofEpochSecond(onset.at().getEpochSecond(), 0, current);
        transitions.add(ZoneOffsetTransition.of(local, current, onset.to()));
        current = onset.to();
      }
    }
    return Optional.of(ZoneRules.of(base, base, List.of(), transitions, List.of()));
  }

  /**
   * One STANDARD or DAYLIGHT block with its onsets in local time. Outlook writes one block per era
   * and leaves the older eras' RRULEs without UNTIL, so an era ends where the next one of the same
   * kind begins.
   */
  private record Observance(
      String kind,
      LocalDateTime start,
      ZoneOffset from,
      ZoneOffset to,
      List<LocalDateTime> onsets) {}

  private static Observance observance(Component observance) {
    ZoneOffset from = offset(observance, "TZOFFSETFROM");
    ZoneOffset to = offset(observance, "TZOFFSETTO");
    LocalDateTime start = local(required(observance, "DTSTART").value());
    List<LocalDateTime> locals = new ArrayList<>();
    Optional<ContentLine> rrule = observance.first("RRULE");
    if (rrule.isPresent()) {
      RecurrenceRule rule = RecurrenceRule.parse(rrule.get().value());
      Optional<LocalDateTime> until =
          rule.until()
              .map(
                  u ->
                      u.date()
                          ? u.local().toLocalDate().atTime(23, 59, 59)
                          : u.zone().isPresent()
                              ? LocalDateTime.ofInstant(u.zone().get().toInstant(u.local()), from)
                              : u.local());
      new RecurrenceIterator(rule, start, false, until, start, HORIZON, MAX_STEPS)
          .forEachRemaining(locals::add);
    } else {
      locals.add(start);
    }
    for (ContentLine rdate : observance.all("RDATE")) {
      for (String value : rdate.value().split(",")) {
        locals.add(local(value));
      }
    }
    return new Observance(observance.name(), start, from, to, locals);
  }

  private static ContentLine required(Component observance, String name) {
    return observance
        .first(name)
        .orElseThrow(() -> new IllegalArgumentException("missing " + name));
  }

  private static ZoneOffset offset(Component observance, String name) {
    String value = required(observance, name).value().trim();
    try {
      return ZoneOffset.of(value);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not an offset like +0100", e);
    }
  }

  private static LocalDateTime local(String value) {
    String v = value.trim();
    if (v.endsWith("Z")) {
      v = v.substring(0, v.length() - 1);
    }
    try {
      return LocalDateTime.parse(v, PropertyValues.BASIC_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + value.trim() + "' is not a local date-time", e);
    }
  }
}
