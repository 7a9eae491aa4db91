package dev.primer.testdata.push;

import java.util.Locale;

/** Which record content a push uploads. */
public enum ContentPolicy {
  /** Every record's content, large ones included. */
  ALL,
  /** Small content for every record; large content only for the listed users' accounts. */
  SMALL,
  /** No content at all: records stay metadata only (and cannot be put on devices). */
  NONE;

  /** Parses all, small or none. */
  public static ContentPolicy parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "all" -> ALL;
      case "small" -> SMALL;
      case "none" -> NONE;
      default ->
          throw new IllegalArgumentException(
              "--content must be all, small or none, was '" + text + "'");
    };
  }
}
