package dev.primer.protocol.manifest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/devices/{id}/manifest}: a whole manifest ({@code full}, its {@code
 * entries} in download priority) or a delta against generation {@code since} ({@code added}, {@code
 * changed}, {@code removed}, {@code order}). Every field is always written; the lists of the other
 * form are empty.
 *
 * @param deviceId the device
 * @param userId its user
 * @param generation the generation number, from 1
 * @param since the generation a delta is against; for a whole manifest the one asked for (0 when
 *     none was)
 * @param full true for a whole manifest, false for a delta
 * @param etag the manifest's ETag, e.g. {@code "7-3f2a…"} with its quotes
 * @param day the day it was selected for (ISO date)
 * @param modelId the model, empty for a fallback
 * @param selector "model" or "fallback:NAME"
 * @param note why a fallback was used, or empty
 * @param budget the byte budget it was cut to
 * @param bytes its total content bytes
 * @param builtAt when the selection was built (ISO instant)
 * @param entries a whole manifest's entries, in download priority
 * @param added entries a delta adds
 * @param changed entries a delta changes
 * @param removed record ids a delta removes
 * @param order every record id of a delta's new manifest, in download priority
 * @param notFitted records that did not fit the budget
 */
public record Manifest(
    String deviceId,
    String userId,
    long generation,
    long since,
    boolean full,
    String etag,
    String day,
    String modelId,
    String selector,
    String note,
    long budget,
    long bytes,
    String builtAt,
    List<ManifestEntry> entries,
    List<ManifestEntry> added,
    List<ManifestEntry> changed,
    List<String> removed,
    List<String> order,
    List<String> notFitted) {

  public Manifest {
    deviceId = Objects.requireNonNullElse(deviceId, "");
    userId = Objects.requireNonNullElse(userId, "");
    etag = Objects.requireNonNullElse(etag, "");
    day = Objects.requireNonNullElse(day, "");
    modelId = Objects.requireNonNullElse(modelId, "");
    selector = Objects.requireNonNullElse(selector, "");
    note = Objects.requireNonNullElse(note, "");
    builtAt = Objects.requireNonNullElse(builtAt, "");
    entries = copy(entries);
    added = copy(added);
    changed = copy(changed);
    removed = copy(removed);
    order = copy(order);
    notFitted = copy(notFitted);
  }

  /** A delta's part of this answer (empty for a whole manifest). */
  @JsonIgnore
  public ManifestDelta delta() {
    return new ManifestDelta(added, changed, removed, order);
  }

  /**
   * The entries of the manifest this answer describes: its own for a whole manifest, {@code held}
   * with the delta applied otherwise.
   */
  public List<ManifestEntry> entriesAfter(List<ManifestEntry> held) {
    return full ? entries : delta().applyTo(held);
  }

  /** This answer with {@code etag} instead (the ETag header is authoritative). */
  public Manifest withEtag(String etag) {
    return new Manifest(
        deviceId,
        userId,
        generation,
        since,
        full,
        etag,
        day,
        modelId,
        selector,
        note,
        budget,
        bytes,
        builtAt,
        entries,
        added,
        changed,
        removed,
        order,
        notFitted);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
