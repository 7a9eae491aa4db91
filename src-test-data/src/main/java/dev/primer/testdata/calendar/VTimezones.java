package dev.primer.testdata.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * VTIMEZONE blocks derived from the JDK's zone rules, written the way each calendar program writes
 * them: Google starts its rules in 1970, Outlook in 1601 and names zones the Windows way.
 */
final class VTimezones {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private VTimezones() {}

  static List<String> lines(ZoneId zone, String tzid, int ruleYear, boolean google) {
    ZoneRules rules = zone.getRules();
    List<String> out = new ArrayList<>();
    out.add("BEGIN:VTIMEZONE");
    out.add("TZID:" + tzid);
    if (google) {
      out.add("X-LIC-LOCATION:" + zone.getId());
    }
    List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
    if (transitions.isEmpty()) {
      ZoneOffset offset = rules.getStandardOffset(Instant.parse("2026-01-01T00:00:00Z"));
      out.add("BEGIN:STANDARD");
      out.add("TZOFFSETFROM:" + offset(offset));
      out.add("TZOFFSETTO:" + offset(offset));
      if (google) {
        out.add("TZNAME:" + abbreviation(zone, false));
      }
      out.add("DTSTART:" + LOCAL.format(LocalDateTime.of(ruleYear, 1, 1, 0, 0)));
      out.add("END:STANDARD");
    } else {
      // Google writes daylight time first, Outlook standard time first.
      List<ZoneOffsetTransitionRule> ordered = new ArrayList<>();
      for (ZoneOffsetTransitionRule rule : transitions) {
        if (isDaylight(rule) == google) {
          ordered.add(0, rule);
        } else {
          ordered.add(rule);
        }
      }
      for (ZoneOffsetTransitionRule rule : ordered) {
        boolean daylight = isDaylight(rule);
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        LocalDateTime first = rule.createTransition(ruleYear).getDateTimeBefore();
        out.add("BEGIN:" + kind);
        if (google) {
          out.add("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
          out.add("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
          out.add("TZNAME:" + abbreviation(zone, daylight));
          out.add("DTSTART:" + LOCAL.format(first));
          out.add(
              "RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";BYDAY=" + byDay(rule));
        } else {
          out.add("DTSTART:" + LOCAL.format(first));
          out.add(
              "RRULE:FREQ=YEARLY;BYDAY=" + byDay(rule) + ";BYMONTH=" + rule.getMonth().getValue());
          out.add("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
          out.add("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
        }
        out.add("END:" + kind);
      }
    }
    out.add("END:VTIMEZONE");
    return out;
  }

  private static boolean isDaylight(ZoneOffsetTransitionRule rule) {
    return rule.getOffsetAfter().getTotalSeconds() > rule.getOffsetBefore().getTotalSeconds();
  }

  /** "2SU" for "the Sunday on or after the 8th", "-1SU" for "the last Sunday". */
  private static String byDay(ZoneOffsetTransitionRule rule) {
    String day = rule.getDayOfWeek().name().substring(0, 2);
    int indicator = rule.getDayOfMonthIndicator();
    if (indicator < 0) {
      return "-1" + day;
    }
    return ((indicator - 1) / 7 + 1) + day;
  }

  private static String offset(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    int abs = Math.abs(seconds);
    return String.format("%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, (abs / 60) % 60);
  }

  private static String abbreviation(ZoneId zone, boolean daylight) {
    return DateTimeFormatter.ofPattern("zzz", Locale.US)
        .format(ZonedDateTime.of(LocalDateTime.of(2026, daylight ? 7 : 1, 15, 12, 0), zone));
  }
}
