package dev.primer.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CLDR table from Windows zone names ("W. Europe Standard Time") and display names
 * ("(UTC+01:00) Amsterdam, Berlin, ...") to IANA zones, read once from {@code windows-zones.tsv}.
 */
final class WindowsZones {
  private static final Map<String, String> BY_NAME = new HashMap<>();
  private static final Map<String, String> BY_DISPLAY_NAME = new HashMap<>();

  static {
    var in = WindowsZones.class.getResourceAsStream("windows-zones.tsv");
    try (var reader =
        new BufferedReader(
            new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        BY_NAME.put(columns[0].toLowerCase(Locale.ROOT), columns[1]);
        BY_DISPLAY_NAME.put(displayKey(columns[2]), columns[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read windows-zones.tsv", e);
    }
  }

  private WindowsZones() {}

  /** The IANA zone for a Windows zone name or display name. */
  static Optional<String> ianaZone(String tzid) {
    String name = tzid.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    String iana = BY_NAME.get(name);
    if (iana == null) {
      iana = BY_DISPLAY_NAME.get(displayKey(tzid));
    }
    return Optional.ofNullable(iana);
  }

  /** Every IANA zone the table maps to, for tests. */
  static Map<String, String> table() {
    return Map.copyOf(BY_NAME);
  }

  /**
   * Display names vary between Windows versions in their offset prefix and in "&" versus "and", so
   * both are dropped from the key.
   */
  private static String displayKey(String displayName) {
    return displayName
        .replaceFirst("^\\s*\\((?:UTC|GMT)[^)]*\\)\\s*", "")
        .replace("&", "and")
        .replaceAll("\\s+", " ")
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
