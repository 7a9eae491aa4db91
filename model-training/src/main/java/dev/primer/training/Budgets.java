package dev.primer.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints device budgets: {@code 64MB,256MB,1GB} (binary units: 1 MB = 2^20 bytes). */
public final class Budgets {
  private static final Pattern ONE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

  private Budgets() {}

  public static List<Long> parseList(String text) {
    List<Long> out = new ArrayList<>();
    for (String part : text.split(",")) {
      out.add(parse(part.trim()));
    }
    return out;
  }

  public static long parse(String text) {
    Matcher m = ONE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "budget '"
              + text
              + "' does not parse: use a number with B, KB, MB, GB or TB, e.g. 256MB");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "KB" -> 1L << 10;
          case "MB" -> 1L << 20;
          case "GB" -> 1L << 30;
          case "TB" -> 1L << 40;
          default -> 1L;
        };
    long bytes = (long) (value * factor);
    if (bytes <= 0) {
      throw new IllegalArgumentException("budget must be > 0, was '" + text + "'");
    }
    return bytes;
  }

  /** The shortest exact spelling: 67108864 → "64MB". */
  public static String format(long bytes) {
    String[] units = {"TB", "GB", "MB", "KB"};
    int[] shifts = {40, 30, 20, 10};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << shifts[i];
      if (bytes >= unit && bytes % unit == 0) {
        return (bytes / unit) + units[i];
      }
    }
    return bytes + "B";
  }
}
