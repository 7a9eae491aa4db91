package dev.primer.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** An RRULE (RFC 5545 section 3.3.10), parsed and range-checked. */
public record RecurrenceRule(
    Frequency frequency,
    int interval,
    OptionalInt count,
    Optional<EventTime> until,
    List<Integer> bySecond,
    List<Integer> byMinute,
    List<Integer> byHour,
    List<ByDay> byDay,
    List<Integer> byMonthDay,
    List<Integer> byYearDay,
    List<Integer> byWeekNo,
    List<Integer> byMonth,
    List<Integer> bySetPos,
    DayOfWeek weekStart) {

  /** How often the rule's period repeats. */
  public enum Frequency {
    SECONDLY,
    MINUTELY,
    HOURLY,
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY
  }

  /**
   * One BYDAY entry: a weekday, optionally the nth (negative: from the end) in the month or year.
   */
  public record ByDay(int ordinal, DayOfWeek day) {
    public ByDay {
      Objects.requireNonNull(day, "day");
      if (ordinal < -53 || ordinal > 53) {
        throw new IllegalArgumentException(
            "BYDAY ordinal must be within [-53, 53], was " + ordinal);
      }
    }
  }

  public RecurrenceRule {
    Objects.requireNonNull(frequency, "frequency");
    if (interval < 1) {
      throw new IllegalArgumentException("INTERVAL must be >= 1, was " + interval);
    }
    Objects.requireNonNull(count, "count");
    if (count.isPresent() && count.getAsInt() < 1) {
      throw new IllegalArgumentException("COUNT must be >= 1, was " + count.getAsInt());
    }
    Objects.requireNonNull(until, "until");
    bySecond = checked(bySecond, "BYSECOND", 0, 60, false);
    byMinute = checked(byMinute, "BYMINUTE", 0, 59, false);
    byHour = checked(byHour, "BYHOUR", 0, 23, false);
    byDay = List.copyOf(byDay);
    byMonthDay = checked(byMonthDay, "BYMONTHDAY", 1, 31, true);
    byYearDay = checked(byYearDay, "BYYEARDAY", 1, 366, true);
    byWeekNo = checked(byWeekNo, "BYWEEKNO", 1, 53, true);
    byMonth = checked(byMonth, "BYMONTH", 1, 12, false);
    bySetPos = checked(bySetPos, "BYSETPOS", 1, 366, true);
    Objects.requireNonNull(weekStart, "weekStart");
  }

  /**
   * Parses an RRULE value such as {@code FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260331T000000Z}, strictly:
   * any part it cannot read is an error. Case and a trailing ';' are forgiven; X- parts are
   * ignored.
   *
   * @throws IllegalArgumentException naming the part at fault
   */
  public static RecurrenceRule parse(String text) {
    return parse(
        text,
        skipped -> {
          throw new IllegalArgumentException(skipped);
        });
  }

  /**
   * Parses leniently: a part without '=' or with an unknown name is passed to {@code skipped} and
   * left out, so that {@code RRULE:RRULE:junk;FREQ=WEEKLY} still recurs weekly.
   *
   * @throws IllegalArgumentException when a known part has a bad value or FREQ is missing
   */
  static RecurrenceRule parse(String text, Consumer<String> skipped) {
    Frequency frequency = null;
    int interval = 1;
    OptionalInt count = OptionalInt.empty();
    Optional<EventTime> until = Optional.empty();
    List<Integer> bySecond = List.of();
    List<Integer> byMinute = List.of();
    List<Integer> byHour = List.of();
    List<ByDay> byDay = List.of();
    List<Integer> byMonthDay = List.of();
    List<Integer> byYearDay = List.of();
    List<Integer> byWeekNo = List.of();
    List<Integer> byMonth = List.of();
    List<Integer> bySetPos = List.of();
    DayOfWeek weekStart = DayOfWeek.MONDAY;
    for (String part : text.trim().split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        skipped.accept("rule part '" + part + "' has no '='");
        continue;
      }
      String name = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      String value = part.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
      switch (name) {
        case "FREQ" -> frequency = frequency(value);
        case "INTERVAL" -> interval = integer(name, value);
        case "COUNT" -> count = OptionalInt.of(integer(name, value));
        case "UNTIL" -> until = Optional.of(until(value));
        case "BYSECOND" -> bySecond = integers(name, value);
        case "BYMINUTE" -> byMinute = integers(name, value);
        case "BYHOUR" -> byHour = integers(name, value);
        case "BYDAY" -> byDay = byDays(value);
        case "BYMONTHDAY" -> byMonthDay = integers(name, value);
        case "BYYEARDAY" -> byYearDay = integers(name, value);
        case "BYWEEKNO" -> byWeekNo = integers(name, value);
        case "BYMONTH" -> byMonth = integers(name, value);
        case "BYSETPOS" -> bySetPos = integers(name, value);
        case "WKST" -> weekStart = weekday(value);
        case "RSCALE" -> {
          if (!value.equals("GREGORIAN")) {
            throw new IllegalArgumentException("RSCALE=" + value + " is not supported");
          }
        }
        case "SKIP" -> {
          // RFC 7529: only matters with a non-Gregorian RSCALE, which is refused above.
        }
        default -> {
          if (!name.startsWith("X-")) {
            skipped.accept("unknown rule part '" + name + "'");
          }
        }
      }
    }
    if (frequency == null) {
      throw new IllegalArgumentException("rule has no FREQ");
    }
    return new RecurrenceRule(
        frequency,
        interval,
        count,
        until,
        bySecond,
        byMinute,
        byHour,
        byDay,
        byMonthDay,
        byYearDay,
        byWeekNo,
        byMonth,
        bySetPos,
        weekStart);
  }

  private static Frequency frequency(String value) {
    try {
      return Frequency.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown FREQ '" + value + "'", e);
    }
  }

  private static EventTime until(String value) {
    try {
      if (value.length() == 8) {
        return EventTime.ofDate(LocalDate.parse(value, PropertyValues.BASIC_DATE));
      }
      if (value.endsWith("Z")) {
        var local =
            LocalDateTime.parse(
                value.substring(0, value.length() - 1), PropertyValues.BASIC_DATE_TIME);
        return EventTime.zoned(local, EventZone.UTC);
      }
      return EventTime.floating(LocalDateTime.parse(value, PropertyValues.BASIC_DATE_TIME));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("UNTIL '" + value + "' is not a date or date-time", e);
    }
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not an integer", e);
    }
  }

  private static List<Integer> integers(String name, String value) {
    List<Integer> out = new ArrayList<>();
    for (String item : value.split(",")) {
      out.add(integer(name, item.trim()));
    }
    return out;
  }

  private static List<ByDay> byDays(String value) {
    List<ByDay> out = new ArrayList<>();
    for (String item : value.split(",")) {
      String trimmed = item.trim();
      if (trimmed.length() < 2) {
        throw new IllegalArgumentException("BYDAY '" + trimmed + "' is not a weekday");
      }
      String ordinal = trimmed.substring(0, trimmed.length() - 2);
      int n = ordinal.isEmpty() ? 0 : integer("BYDAY", ordinal);
      if (!ordinal.isEmpty() && n == 0) {
        throw new IllegalArgumentException("BYDAY ordinal must not be 0, was '" + trimmed + "'");
      }
      out.add(new ByDay(n, weekday(trimmed.substring(trimmed.length() - 2))));
    }
    return out;
  }

  private static DayOfWeek weekday(String code) {
    return switch (code) {
      case "MO" -> DayOfWeek.MONDAY;
      case "TU" -> DayOfWeek.TUESDAY;
      case "WE" -> DayOfWeek.WEDNESDAY;
      case "TH" -> DayOfWeek.THURSDAY;
      case "FR" -> DayOfWeek.FRIDAY;
      case "SA" -> DayOfWeek.SATURDAY;
      case "SU" -> DayOfWeek.SUNDAY;
      default -> throw new IllegalArgumentException("'" + code + "' is not a weekday");
    };
  }

  private static List<Integer> checked(
      List<Integer> values, String name, int min, int max, boolean negativeAllowed) {
    for (int v : values) {
      int magnitude = negativeAllowed ? Math.abs(v) : v;
      if (magnitude < min || magnitude > max) {
        String range =
            negativeAllowed ? "±[" + min + ", " + max + "]" : "[" + min + ", " + max + "]";
        throw new IllegalArgumentException(name + " values must be within " + range + ", was " + v);
      }
    }
    return List.copyOf(values);
  }
}
