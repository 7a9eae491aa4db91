package dev.primer.service.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a device holds now, in the form access checks need: the record ids and content hashes of its
 * newest generation.
 */
public record CurrentManifest(
    long generation, String contentHash, Set<String> recordIds, Set<String> sha256s) {
  /** The access view of a generation's entries. */
  public static CurrentManifest of(
      long generation, String contentHash, List<ManifestEntry> entries) {
    Set<String> ids = new HashSet<>(entries.size() * 2);
    Set<String> shas = new HashSet<>(entries.size() * 2);
    for (ManifestEntry e : entries) {
      ids.add(e.recordId());
      shas.add(e.sha256());
    }
    return new CurrentManifest(generation, contentHash, Set.copyOf(ids), Set.copyOf(shas));
  }

  /** A device that never asked for a manifest holds nothing. */
  public static CurrentManifest none() {
    return new CurrentManifest(0, "", Set.of(), Set.of());
  }
}
