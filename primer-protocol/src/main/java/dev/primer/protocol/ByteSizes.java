package dev.primer.protocol;

import java.util.Locale;

/** Byte counts in words people read: B, KiB, MiB, GiB, TiB. */
public final class ByteSizes {
  private ByteSizes() {}

  /** {@code bytes} as e.g. "812 B", "3.4 MiB" or "1.2 GiB". */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
