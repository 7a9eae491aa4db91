package dev.primer.protocol.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between two manifests' entries. Applying it to the old entries gives the new ones
 * exactly, order included: {@code order} lists the new manifest's record ids in download priority.
 *
 * @param added entries whose record was not in the old manifest
 * @param changed entries whose record was in the old manifest with different values
 * @param removed record ids of the old manifest that are gone
 * @param order every record id of the new manifest, in download priority
 */
public record ManifestDelta(
    List<ManifestEntry> added,
    List<ManifestEntry> changed,
    List<String> removed,
    List<String> order) {
  public ManifestDelta {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    order = List.copyOf(order);
  }

  /** What turns {@code from} into {@code to}. */
  public static ManifestDelta between(List<ManifestEntry> from, List<ManifestEntry> to) {
    Map<String, ManifestEntry> old = new HashMap<>();
    for (ManifestEntry e : from) {
      old.put(e.recordId(), e);
    }
    List<ManifestEntry> added = new ArrayList<>();
    List<ManifestEntry> changed = new ArrayList<>();
    List<String> order = new ArrayList<>(to.size());
    Set<String> now = new HashSet<>();
    for (ManifestEntry e : to) {
      order.add(e.recordId());
      now.add(e.recordId());
      ManifestEntry before = old.get(e.recordId());
      if (before == null) {
        added.add(e);
      } else if (!before.equals(e)) {
        changed.add(e);
      }
    }
    List<String> removed = new ArrayList<>();
    for (ManifestEntry e : from) {
      if (!now.contains(e.recordId())) {
        removed.add(e.recordId());
      }
    }
    return new ManifestDelta(added, changed, removed, order);
  }

  /**
   * The new entries, from the old ones and this delta.
   *
   * @throws IllegalStateException when {@code order} names a record neither held nor added
   */
  public List<ManifestEntry> applyTo(List<ManifestEntry> from) {
    Map<String, ManifestEntry> byId = new HashMap<>();
    for (ManifestEntry e : from) {
      byId.put(e.recordId(), e);
    }
    removed.forEach(byId::remove);
    for (ManifestEntry e : added) {
      byId.put(e.recordId(), e);
    }
    for (ManifestEntry e : changed) {
      byId.put(e.recordId(), e);
    }
    List<ManifestEntry> out = new ArrayList<>(order.size());
    for (String id : order) {
      ManifestEntry e = byId.get(id);
      if (e == null) {
        throw new IllegalStateException(
            "the manifest delta orders record " + id + " that it does not hold");
      }
      out.add(e);
    }
    return out;
  }
}
