package dev.primer.agent.store;

import java.util.Optional;
import java.util.UUID;

/**
 * A show or search by the rep, sent to the service with the next sync.
 *
 * @param eventId unique id; the service stores an event once however often it is sent
 * @param recordId the record shown or found; empty for a search that found nothing
 * @param at when, ISO-8601 with the local offset
 * @param kind "hit" (on the device) or "miss" (not on the device)
 * @param query the search text, empty for a show
 */
public record AccessEvent(
    String eventId, Optional<String> recordId, String at, String kind, String query) {

  /** A new event with a random id. */
  public static AccessEvent of(Optional<String> recordId, String at, String kind, String query) {
    return new AccessEvent(UUID.randomUUID().toString(), recordId, at, kind, query);
  }
}
