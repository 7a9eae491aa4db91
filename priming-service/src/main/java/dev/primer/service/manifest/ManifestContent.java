package dev.primer.service.manifest;

import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.content.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    entries = EntryList.copyOf(entries);
    notFitted = List.copyOf(notFitted);
  }

  /**
   * A SHA-256 over every field, in a fixed layout, as lowercase hex. {@code packed} is {@code
   * EntriesCodec.pack(entries())}, made by the caller because its stored form is needed too and
   * packing is most of the work; the hash covers the entries through its digest.
   */
  public String hash(EntriesCodec.Packed packed) {
    MessageDigest digest = Sha256.newDigest();
    String head =
        day
            + "\n"
            + modelId
            + "\n"
            + selector
            + "\n"
            + note
            + "\n"
            + budget
            + "\n"
            + bytes
            + "\n"
            + String.join(",", notFitted)
            + "\n";
    digest.update(head.getBytes(StandardCharsets.UTF_8));
    digest.update(packed.digest());
    return HexFormat.of().formatHex(digest.digest());
  }
}
