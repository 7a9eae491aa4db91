package dev.primer.core.features;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The ordered list of features a model is trained on, with a stable hash of their names and
 * meanings: a model bundle carries the hash, and a service refuses a bundle whose hash differs.
 */
public record FeatureSchema(String version, List<Feature> features) {
  public FeatureSchema {
    features = List.copyOf(features);
  }

  public int width() {
    return features.size();
  }

  public List<String> names() {
    return features.stream().map(Feature::name).toList();
  }

  /** The first 16 hex digits of SHA-256 over the version and every "name: meaning" line. */
  public String hash() {
    StringBuilder text = new StringBuilder(version).append('\n');
    for (Feature f : features) {
      text.append(f.name()).append(": ").append(f.meaning()).append('\n');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** What differs from {@code other}, for a message a data scientist can act on. */
  public String describeDifference(FeatureSchema other) {
    if (hash().equals(other.hash())) {
      return "no difference";
    }
    List<String> mine = names();
    List<String> theirs = other.names();
    List<String> missing = theirs.stream().filter(n -> !mine.contains(n)).toList();
    List<String> extra = mine.stream().filter(n -> !theirs.contains(n)).toList();
    StringBuilder out = new StringBuilder();
    if (!version.equals(other.version)) {
      out.append("version ").append(version).append(" vs ").append(other.version).append("; ");
    }
    if (!extra.isEmpty()) {
      out.append("only in ")
          .append(version)
          .append(": ")
          .append(String.join(", ", extra))
          .append("; ");
    }
    if (!missing.isEmpty()) {
      out.append("only in ")
          .append(other.version)
          .append(": ")
          .append(String.join(", ", missing))
          .append("; ");
    }
    if (extra.isEmpty() && missing.isEmpty()) {
      for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
        if (!mine.get(i).equals(theirs.get(i))) {
          out.append("order differs at position ").append(i).append("; ");
          break;
        }
        if (!features.get(i).meaning().equals(other.features.get(i).meaning())) {
          out.append("meaning of ").append(mine.get(i)).append(" differs; ");
          break;
        }
      }
    }
    return out.length() == 0 ? "hash differs" : out.substring(0, out.length() - 2);
  }
}
