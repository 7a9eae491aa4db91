package dev.primer.service.manifest;

import dev.primer.protocol.manifest.ManifestEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a device holds now, in the form access checks need: the record ids and content hashes of its
 * newest generation. The lookup sets are built on the first check, not when the manifest is
 * answered: building them took about 3 ms of every new generation's answer, and the list they come
 * from is the selection's own, held anyway.
 */
public final class CurrentManifest {
  private static final CurrentManifest NONE = new CurrentManifest(0, "", EntryList.empty());

  private final long generation;
  private final String contentHash;

  /** Until the lookup is built; then released, the sets being all that is needed. */
  private EntryList entries;

  private volatile Lookup lookup;

  private record Lookup(Set<String> recordIds, Set<String> sha256s) {}

  private CurrentManifest(long generation, String contentHash, List<ManifestEntry> entries) {
    this.generation = generation;
    this.contentHash = contentHash;
    this.entries = EntryList.copyOf(entries);
  }

  /** The access view of a generation's entries. */
  public static CurrentManifest of(
      long generation, String contentHash, List<ManifestEntry> entries) {
    return new CurrentManifest(generation, contentHash, entries);
  }

  /** A device that never asked for a manifest holds nothing. */
  public static CurrentManifest none() {
    return NONE;
  }

  public long generation() {
    return generation;
  }

  public String contentHash() {
    return contentHash;
  }

  /** The ids of the records the device may fetch. */
  public Set<String> recordIds() {
    return lookup().recordIds();
  }

  /** The content hashes of the blobs the device may download. */
  public Set<String> sha256s() {
    return lookup().sha256s();
  }

  private Lookup lookup() {
    Lookup built = lookup;
    return built != null ? built : build();
  }

  private synchronized Lookup build() {
    Lookup built = lookup;
    if (built == null) {
      Set<String> ids = new HashSet<>(entries.size() * 2);
      Set<String> shas = new HashSet<>(entries.size() * 2);
      for (int i = 0; i < entries.size(); i++) {
        ids.add(entries.recordId(i));
        shas.add(entries.sha256(i));
      }
      // Compact immutable copies: the HashSets' nodes would stay in memory for every device.
      built = new Lookup(Set.copyOf(ids), Set.copyOf(shas));
      lookup = built;
      entries = null;
    }
    return built;
  }
}
