package dev.primer.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Optional;

/**
 * The zone a calendar's TZID stands for: its rules, and the IANA id when there is one (a custom
 * VTIMEZONE that matches no known zone has rules but no id).
 */
public record EventZone(String tzid, Optional<ZoneId> zoneId, ZoneRules rules) {
  /** UTC, for values written with a trailing Z. */
  public static final EventZone UTC = of(ZoneOffset.UTC);

  public EventZone {
    Objects.requireNonNull(tzid, "tzid");
    Objects.requireNonNull(zoneId, "zoneId");
    Objects.requireNonNull(rules, "rules");
  }

  /** A zone known to java.time. */
  public static EventZone of(ZoneId zone) {
    return new EventZone(zone.getId(), Optional.of(zone), zone.getRules());
  }

  /** The instant a wall-clock time stands for here, resolved the way RFC 5545 asks. */
  public Instant toInstant(LocalDateTime local) {
    return resolve(local, rules);
  }

  /** The wall-clock time here at an instant. */
  public LocalDateTime toLocal(Instant instant) {
    return LocalDateTime.ofEpochSecond(
        instant.getEpochSecond(), instant.getNano(), rules.getOffset(instant));
  }

  /**
   * A time in a DST overlap takes the earlier offset; a time in a gap is read with the offset
   * before the gap, which moves it forward by the gap's length (RFC 5545 section 3.3.5).
   */
  static Instant resolve(LocalDateTime local, ZoneRules rules) {
    var offsets = rules.getValidOffsets(local);
    if (!offsets.isEmpty()) {
      return local.toInstant(offsets.get(0));
    }
    var gap = rules.getTransition(local);
    return local.toInstant(gap.getOffsetBefore());
  }
}
