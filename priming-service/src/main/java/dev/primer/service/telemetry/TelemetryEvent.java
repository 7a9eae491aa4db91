package dev.primer.service.telemetry;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One access event a device reported.
 *
 * @param kind {@code hit} (the record was on the device) or {@code miss} (it was looked for and was
 *     not)
 * @param line the event's line number in the request body
 */
public record TelemetryEvent(
    String eventId,
    String recordId,
    OffsetDateTime at,
    String kind,
    Optional<String> query,
    int line) {
  /** The interaction kind the event becomes for training: a hit was a view, a miss a search. */
  public String interactionKind() {
    return kind.equals("hit") ? "view" : "search-miss";
  }
}
