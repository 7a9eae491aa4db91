package dev.primer.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the value types of RFC 5545 section 3.3 that appointments use. */
final class PropertyValues {
  static final DateTimeFormatter BASIC_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  static final DateTimeFormatter BASIC_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern DURATION =
      Pattern.compile("([+-])?P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
  private static final Pattern LENIENT_DURATION_PART = Pattern.compile("(\\d{1,9})([WDHMS])");

  private PropertyValues() {}

  /** A DATE or DATE-TIME value; DATE when VALUE=DATE or when it has no time part. */
  static EventTime dateTime(String raw, Optional<String> tzid, ZoneResolver zones, int line) {
    String value = raw.trim().toUpperCase(Locale.ROOT);
    try {
      if (value.length() == 8) {
        return EventTime.ofDate(LocalDate.parse(value, BASIC_DATE));
      }
      if (value.endsWith("Z")) {
        var local = LocalDateTime.parse(value.substring(0, value.length() - 1), BASIC_DATE_TIME);
        return EventTime.zoned(local, EventZone.UTC);
      }
      var local = LocalDateTime.parse(value, BASIC_DATE_TIME);
      if (tzid.isPresent()) {
        return zones
            .resolve(tzid.get(), line)
            .map(z -> EventTime.zoned(local, z))
            .orElseGet(() -> EventTime.floating(local));
      }
      return EventTime.floating(local);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + ContentLexer.abbreviate(raw.trim())
              + "' is not a date (20260309) or date-time"
              + " (20260309T090000, optionally ending in Z)",
          e);
    }
  }

  /** The values of a property that holds a comma-separated list of dates or date-times. */
  static List<EventTime> dateTimes(ContentLine line, ZoneResolver zones) {
    List<EventTime> out = new ArrayList<>();
    for (String item : line.value().split(",")) {
      if (!item.isBlank()) {
        out.add(dateTime(item, line.param("TZID"), zones, line.line()));
      }
    }
    return out;
  }

  /** The values of an RDATE line, which may also be PERIODs (start/end or start/duration). */
  static List<RecurrenceDate> recurrenceDates(ContentLine line, ZoneResolver zones) {
    List<RecurrenceDate> out = new ArrayList<>();
    Optional<String> tzid = line.param("TZID");
    for (String item : line.value().split(",")) {
      if (item.isBlank()) {
        continue;
      }
      int slash = item.indexOf('/');
      if (slash < 0) {
        out.add(RecurrenceDate.at(dateTime(item, tzid, zones, line.line())));
        continue;
      }
      EventTime start = dateTime(item.substring(0, slash), tzid, zones, line.line());
      String second = item.substring(slash + 1).trim();
      if (second.startsWith("P") || second.startsWith("+P") || second.startsWith("-P")) {
        EventDuration length =
            duration(
                second,
                repaired -> {
                  throw new IllegalArgumentException(repaired);
                });
        out.add(new RecurrenceDate(start, Optional.empty(), Optional.of(length)));
      } else {
        EventTime end = dateTime(second, tzid, zones, line.line());
        out.add(new RecurrenceDate(start, Optional.of(end), Optional.empty()));
      }
    }
    return out;
  }

  /** A UTC timestamp such as CREATED; a floating value is read as UTC, which is what was meant. */
  static Instant timestamp(ContentLine line, ZoneResolver zones) {
    EventTime time = dateTime(line.value(), line.param("TZID"), zones, line.line());
    return time.zone().isPresent()
        ? time.zone().get().toInstant(time.local())
        : time.local().toInstant(java.time.ZoneOffset.UTC);
  }

  /**
   * A non-negative DURATION. Values that break the grammar only in where the 'T' sits (PT1W, as
   * some exporters write) are read anyway and reported through {@code repaired}.
   */
  static EventDuration duration(String raw, Consumer<String> repaired) {
    String value = raw.trim().toUpperCase(Locale.ROOT);
    if (value.startsWith("-")) {
      throw new IllegalArgumentException("negative duration '" + value + "'");
    }
    Matcher m = DURATION.matcher(value);
    if (m.matches() && !value.endsWith("P") && !value.endsWith("T")) {
      int days = 7 * number(m.group(2)) + number(m.group(3));
      Duration time =
          Duration.ofHours(number(m.group(4)))
              .plusMinutes(number(m.group(5)))
              .plusSeconds(number(m.group(6)));
      return new EventDuration(days, time);
    }
    EventDuration lenient = lenientDuration(value);
    repaired.accept(
        "'"
            + value
            + "' is not RFC 5545 duration syntax; read as P"
            + lenient.days()
            + "D"
            + (lenient.time().isZero() ? "" : lenient.time().toString().substring(1)));
    return lenient;
  }

  /** Reads number-unit pairs (W, D, H, M as minutes, S) wherever the T is. */
  private static EventDuration lenientDuration(String value) {
    Matcher m = LENIENT_DURATION_PART.matcher(value);
    int at = value.startsWith("+") ? 1 : 0;
    if (!value.startsWith("P", at)) {
      throw notADuration(value);
    }
    at++;
    int days = 0;
    Duration time = Duration.ZERO;
    boolean any = false;
    while (at < value.length()) {
      if (value.charAt(at) == 'T') {
        at++;
        continue;
      }
      if (!m.find(at) || m.start() != at) {
        throw notADuration(value);
      }
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "W" -> days += (int) (7 * n);
        case "D" -> days += (int) n;
        case "H" -> time = time.plusHours(n);
        case "M" -> time = time.plusMinutes(n);
        default -> time = time.plusSeconds(n);
      }
      any = true;
      at = m.end();
    }
    if (!any) {
      throw notADuration(value);
    }
    return new EventDuration(days, time);
  }

  private static IllegalArgumentException notADuration(String value) {
    return new IllegalArgumentException(
        "'" + ContentLexer.abbreviate(value) + "' is not a duration such as PT1H30M or P1D");
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /** TEXT with RFC 5545 escapes (\\n, \\, \\; \\\\) undone. */
  static String text(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The email address of a CAL-ADDRESS (mailto:...), or of its EMAIL parameter, lower-cased. */
  static Optional<String> email(ContentLine line) {
    String address = line.param("EMAIL").orElse(line.value()).trim();
    if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
      address = address.substring(7).trim();
    }
    int at = address.indexOf('@');
    if (at <= 0 || at == address.length() - 1 || address.contains(" ")) {
      return Optional.empty();
    }
    return Optional.of(address.toLowerCase(Locale.ROOT));
  }
}
