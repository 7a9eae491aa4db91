package dev.primer.service.manifest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Which day a manifest is for: the rep's next shift day after now. Before the shift starts in the
 * rep's zone that is today (the device syncs early in the morning); from the shift start on it is
 * tomorrow (the device syncs in the evening or overnight).
 */
public final class ShiftDay {
  private ShiftDay() {}

  /** The next shift day for a rep in {@code zone} whose shift starts at {@code shiftStart}. */
  public static LocalDate next(Instant now, ZoneId zone, LocalTime shiftStart) {
    ZonedDateTime local = now.atZone(zone);
    return local.toLocalTime().isBefore(shiftStart)
        ? local.toLocalDate()
        : local.toLocalDate().plusDays(1);
  }
}
