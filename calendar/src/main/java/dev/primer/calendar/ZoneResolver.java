package dev.primer.calendar;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the zone a TZID stands for, in this order: an IANA id (also at the end of a path such as
 * {@code /mozilla.org/20050126_1/Europe/Berlin}), a UTC offset ({@code UTC+01}, {@code (GMT
 * +01:00)}), a Windows zone or display name, a list of cities, and only then the calendar's own
 * VTIMEZONE block. Known zones come first because their rules are complete and current, while
 * exported VTIMEZONE blocks are often partial or wrong. A TZID that none of these explain is
 * reported once and its times read as floating.
 */
final class ZoneResolver {
  private static final Map<String, String> IANA_IDS = new HashMap<>();
  private static final Map<String, String> IANA_BY_CITY = new HashMap<>();
  private static final Pattern OFFSET =
      Pattern.compile("(?:UTC|GMT)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?", Pattern.CASE_INSENSITIVE);

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      IANA_IDS.put(id.toLowerCase(Locale.ROOT), id);
      int slash = id.lastIndexOf('/');
      if (slash > 0 && Character.isUpperCase(id.charAt(0)) && !id.startsWith("Etc/")) {
        String city = id.substring(slash + 1).replace('_', ' ').toLowerCase(Locale.ROOT);
        IANA_BY_CITY.putIfAbsent(city, id);
      }
    }
  }

  private final Map<String, Component> vtimezones;
  private final Consumer<Problem> problems;
  private final Map<String, Optional<EventZone>> resolved = new HashMap<>();

  ZoneResolver(List<Component> vtimezones, Consumer<Problem> problems) {
    this.vtimezones = new HashMap<>();
    this.problems = problems;
    for (Component vtimezone : vtimezones) {
      vtimezone
          .first("TZID")
          .ifPresent(
              tzid ->
                  // TZID is TEXT inside VTIMEZONE (escaped commas) but not as a parameter.
                  this.vtimezones.putIfAbsent(clean(PropertyValues.text(tzid.value())), vtimezone));
    }
  }

  /** The zone of a TZID used on the given line, or empty (floating) when it is unknown. */
  Optional<EventZone> resolve(String tzid, int line) {
    String key = clean(tzid);
    Optional<EventZone> zone = resolved.get(key);
    if (zone == null) {
      zone = lookUp(key, line);
      resolved.put(key, zone);
    }
    return zone;
  }

  /** The IANA zone a name stands for, without looking at the calendar's VTIMEZONE blocks. */
  static Optional<ZoneId> knownZone(String tzid) {
    String name = clean(tzid);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String id = IANA_IDS.get(name.toLowerCase(Locale.ROOT));
    if (id != null) {
      return Optional.of(ZoneId.of(id));
    }
    if (name.equalsIgnoreCase("Z") || name.equalsIgnoreCase("Coordinated Universal Time")) {
      return Optional.of(ZoneOffset.UTC);
    }
    Matcher offset = OFFSET.matcher(name.replace("(", "").replace(")", "").trim());
    if (offset.matches()) {
      int sign = offset.group(1).equals("-") ? -1 : 1;
      int hours = Integer.parseInt(offset.group(2));
      int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
      if (hours <= 18 && minutes < 60) {
        return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
      }
    }
    if (name.contains("/")) {
      String[] segments = name.split("/");
      for (int take = Math.min(3, segments.length); take >= 1; take--) {
        String suffix =
            String.join("/", List.of(segments).subList(segments.length - take, segments.length));
        id = IANA_IDS.get(suffix.toLowerCase(Locale.ROOT));
        if (id != null) {
          return Optional.of(ZoneId.of(id));
        }
      }
    }
    return WindowsZones.ianaZone(name)
        .or(() -> WindowsZones.ianaZone(name.split("[,;]")[0]))
        .or(() -> cityList(name))
        .map(ZoneId::of);
  }

  /**
   * Lotus Notes and old Outlook name a zone by its cities ("Amsterdam, Belgrade, Berlin, ..."): the
   * first city that is an IANA location decides.
   */
  private static Optional<String> cityList(String name) {
    for (String city : name.split("[,;]")) {
      String id = IANA_BY_CITY.get(city.trim().toLowerCase(Locale.ROOT));
      if (id != null) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  private Optional<EventZone> lookUp(String tzid, int line) {
    Optional<ZoneId> known = knownZone(tzid);
    if (known.isPresent()) {
      return Optional.of(new EventZone(tzid, known, known.get().getRules()));
    }
    Component vtimezone = vtimezones.get(tzid);
    if (vtimezone != null) {
      Optional<ZoneId> location =
          vtimezone.first("X-LIC-LOCATION").flatMap(l -> knownZone(l.value()));
      if (location.isPresent()) {
        return Optional.of(new EventZone(tzid, location, location.get().getRules()));
      }
      var rules = VTimeZoneRules.build(vtimezone, problems);
      if (rules.isPresent()) {
        return Optional.of(new EventZone(tzid, Optional.empty(), rules.get()));
      }
    }
    problems.accept(
        new Problem(
            line,
            "TZID",
            "unknown time zone '"
                + tzid
                + "'"
                + (vtimezone == null ? " and no VTIMEZONE for it" : "")
                + "; its times are read as floating (in the user's zone)"));
    return Optional.empty();
  }

  /** Outlook quotes TZIDs and sometimes pads them; neither is part of the name. */
  private static String clean(String tzid) {
    String name = tzid.trim();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).trim();
    }
    return name;
  }
}
