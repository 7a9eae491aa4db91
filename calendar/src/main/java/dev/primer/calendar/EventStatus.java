package dev.primer.calendar;

import java.util.Locale;
import java.util.Optional;

/**
 * The STATUS of an appointment; a missing STATUS reads as CONFIRMED, as calendar programs show it.
 */
public enum EventStatus {
  CONFIRMED,
  TENTATIVE,
  CANCELLED;

  static Optional<EventStatus> parse(String value) {
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "CONFIRMED" -> Optional.of(CONFIRMED);
      case "TENTATIVE" -> Optional.of(TENTATIVE);
      case "CANCELLED", "CANCELED" -> Optional.of(CANCELLED);
      default -> Optional.empty();
    };
  }
}
