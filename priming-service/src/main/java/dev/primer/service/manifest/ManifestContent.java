package dev.primer.service.manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * What a manifest says, without its generation: two manifests with the same content are the same
 * generation.
 *
 * @param modelId the active model's id, or empty when a fallback baseline chose
 * @param selector {@code model} or {@code fallback:<baseline>}
 * @param entries in download priority
 * @param notFitted guaranteed records that did not fit the budget
 */
public record ManifestContent(
    LocalDate day,
    String modelId,
    String selector,
    String note,
    long budget,
    long bytes,
    List<ManifestEntry> entries,
    List<String> notFitted) {
  public ManifestContent {
    entries = List.copyOf(entries);
    notFitted = List.copyOf(notFitted);
  }

  /** A SHA-256 over every field, in a fixed layout, as lowercase hex. */
  public String hash() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder b = new StringBuilder(64 + entries.size() * 96);
    b.append(day).append('\n').append(modelId).append('\n').append(selector).append('\n');
    b.append(note).append('\n').append(budget).append('\n').append(bytes).append('\n');
    for (ManifestEntry e : entries) {
      b.append(e.recordId()).append('\t').append(e.version()).append('\t').append(e.sizeBytes());
      b.append('\t').append(e.sha256()).append('\t').append(e.tier()).append('\t');
      b.append(Double.doubleToLongBits(e.score())).append('\t').append(e.reason()).append('\t');
      b.append(e.type()).append('\t').append(e.title()).append('\n');
    }
    b.append(String.join(",", notFitted));
    return HexFormat.of().formatHex(digest.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
