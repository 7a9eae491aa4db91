package dev.primer.agent.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte sizes such as 268435456, 256MiB, 1.5GB. */
public final class Sizes {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?");

  private Sizes() {}

  /** The bytes of {@code text}; {@code what} names the value in the error. */
  public static long parse(String what, String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          what + " must be a size like 268435456 or 256MiB, was '" + text + "'");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor =
        switch (unit.charAt(0)) {
          case 'k' -> 1L << 10;
          case 'm' -> 1L << 20;
          case 'g' -> 1L << 30;
          case 't' -> 1L << 40;
          default -> 1L;
        };
    long bytes = (long) (value * factor);
    if (bytes <= 0) {
      throw new IllegalArgumentException(what + " must be > 0, was '" + text + "'");
    }
    return bytes;
  }
}
