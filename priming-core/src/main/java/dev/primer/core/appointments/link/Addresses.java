package dev.primer.core.appointments.link;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Normalises a street address so that "12 Mill Rd., Joliet" and "12 mill road joliet" compare
 * equal: lower case, punctuation to spaces, common abbreviations spelled out.
 */
final class Addresses {
  private static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("st", "street"),
          Map.entry("str", "street"),
          Map.entry("rd", "road"),
          Map.entry("ave", "avenue"),
          Map.entry("av", "avenue"),
          Map.entry("blvd", "boulevard"),
          Map.entry("dr", "drive"),
          Map.entry("ln", "lane"),
          Map.entry("ct", "court"),
          Map.entry("pl", "place"),
          Map.entry("sq", "square"),
          Map.entry("hwy", "highway"),
          Map.entry("pkwy", "parkway"),
          Map.entry("cir", "circle"),
          Map.entry("ter", "terrace"),
          Map.entry("rte", "route"),
          Map.entry("mt", "mount"),
          Map.entry("ft", "fort"),
          Map.entry("n", "north"),
          Map.entry("s", "south"),
          Map.entry("e", "east"),
          Map.entry("w", "west"),
          Map.entry("ne", "northeast"),
          Map.entry("nw", "northwest"),
          Map.entry("se", "southeast"),
          Map.entry("sw", "southwest"),
          Map.entry("ste", "suite"),
          Map.entry("apt", "apartment"),
          Map.entry("fl", "floor"),
          Map.entry("bldg", "building"));

  private Addresses() {}

  /** The normalised form; empty when the text has no letters or digits. */
  static String normalize(String address) {
    StringJoiner out = new StringJoiner(" ");
    for (String token :
        address.toLowerCase(Locale.ROOT).replace("&", " and ").split("[^\\p{L}\\p{N}]+")) {
      if (!token.isEmpty()) {
        out.add(ABBREVIATIONS.getOrDefault(token, token));
      }
    }
    return out.toString();
  }
}
