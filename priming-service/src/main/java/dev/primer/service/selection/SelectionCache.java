package dev.primer.service.selection;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The selections served most recently, by user and budget, within a memory budget: least recently
 * used first out. Bounded by bytes rather than by count because a selection's size follows its
 * budget (a medium rep's 256 MiB selection holds about 0.5 MB in columns; a small budget's a few
 * KB).
 */
final class SelectionCache {
  private final long maxBytes;
  private final LinkedHashMap<String, UserSelection> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  SelectionCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  synchronized Optional<UserSelection> get(String userId, long budget) {
    return Optional.ofNullable(entries.get(key(userId, budget)));
  }

  /**
   * Keeps {@code s} without its stored form (replacing the user's selection for the same budget),
   * evicting as needed.
   */
  synchronized void put(UserSelection selection) {
    UserSelection s = selection.withoutStoredForm();
    long size = weight(s);
    UserSelection old = entries.remove(key(s.userId(), s.budget()));
    if (old != null) {
      bytes -= weight(old);
    }
    if (size > maxBytes) {
      return;
    }
    entries.put(key(s.userId(), s.budget()), s);
    bytes += size;
    Iterator<Map.Entry<String, UserSelection>> eldest = entries.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      bytes -= weight(eldest.next().getValue());
      eldest.remove();
    }
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized int size() {
    return entries.size();
  }

  /** About what {@code s} keeps in memory: its entry columns (and its stored form, if held). */
  static long weight(UserSelection s) {
    return 256L + s.storedEntries().map(b -> b.length).orElse(0) + 56L * s.entries().size();
  }

  private static String key(String userId, long budget) {
    return userId + "/" + budget;
  }
}
