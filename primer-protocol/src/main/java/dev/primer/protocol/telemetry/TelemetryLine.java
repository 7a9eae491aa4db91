package dev.primer.protocol.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One access event a device reports, a line of {@code POST /v1/devices/{id}/telemetry}.
 *
 * @param eventId the device-made id that makes a resent event a duplicate, not a second event
 * @param recordId the record used, or empty for a search that found nothing
 * @param at when it happened, ISO date-time with offset
 * @param kind {@code hit} (the record was on the device) or {@code miss} (looked for, not there)
 * @param query what was searched, for a miss; empty otherwise (left out of the JSON)
 */
public record TelemetryLine(
    String eventId,
    String recordId,
    String at,
    String kind,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String query) {
  /** The kind of an event whose record was on the device. */
  public static final String HIT = "hit";

  /** The kind of an event whose record was looked for and not there. */
  public static final String MISS = "miss";

  public TelemetryLine {
    eventId = Objects.requireNonNullElse(eventId, "");
    recordId = Objects.requireNonNullElse(recordId, "");
    at = Objects.requireNonNullElse(at, "");
    kind = Objects.requireNonNullElse(kind, "");
    query = Objects.requireNonNullElse(query, "");
  }
}
