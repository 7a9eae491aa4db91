package dev.primer.calendar;

import java.util.List;

/**
 * The occurrences of a calendar in a window, sorted by start then UID: the active ones, the
 * cancelled ones (STATUS:CANCELLED on the series or on one instance) apart, and what limits cut.
 */
public record Expansion(
    List<Occurrence> occurrences, List<Occurrence> cancelled, List<Truncation> truncations) {
  public Expansion {
    occurrences = List.copyOf(occurrences);
    cancelled = List.copyOf(cancelled);
    truncations = List.copyOf(truncations);
  }
}
