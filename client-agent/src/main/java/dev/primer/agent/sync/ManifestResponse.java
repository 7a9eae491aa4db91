package dev.primer.agent.sync;

import dev.primer.agent.store.ManifestEntry;
import java.util.List;

/**
 * A manifest as the service sends it: full (entries) or a delta (added, changed, removed).
 *
 * @param deviceId the device
 * @param userId its user
 * @param generation the generation number
 * @param since the generation this delta is against (0 for a full manifest)
 * @param full true when entries hold the whole manifest
 * @param etag the manifest's ETag
 * @param day the day it was selected for
 * @param modelId the model, empty for a fallback
 * @param selector "model" or "fallback:NAME"
 * @param note why a fallback was used
 * @param budget the budget it was cut to
 * @param bytes its total content bytes
 * @param builtAt when it was built
 * @param entries a full manifest's entries, in priority order
 * @param added entries a delta adds
 * @param changed entries a delta changes
 * @param removed record ids a delta removes
 * @param order every record id of a delta's new manifest, in download priority
 * @param notFitted records that did not fit the budget
 */
public record ManifestResponse(
    String deviceId,
    String userId,
    long generation,
    long since,
    Boolean full,
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

  public ManifestResponse {
    entries = entries == null ? List.of() : entries;
    added = added == null ? List.of() : added;
    changed = changed == null ? List.of() : changed;
    removed = removed == null ? List.of() : removed;
    order = order == null ? List.of() : order;
    notFitted = notFitted == null ? List.of() : notFitted;
    etag = etag == null ? "" : etag;
    day = day == null ? "" : day;
    modelId = modelId == null ? "" : modelId;
    selector = selector == null ? "" : selector;
    note = note == null ? "" : note;
    builtAt = builtAt == null ? "" : builtAt;
  }

  /** Whether this is a whole manifest rather than a delta. */
  public boolean isFull() {
    return full == null || full;
  }
}
