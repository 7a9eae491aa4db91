package dev.primer.protocol.manifest;

import java.util.Objects;

/**
 * One record on a device, as the manifest lists it: which version of which record, in what
 * priority, and why.
 *
 * @param recordId the record
 * @param version its version
 * @param sizeBytes its content size
 * @param sha256 the sha256 of its content, hex
 * @param tier guaranteed (downloaded first) or predicted
 * @param score the predicted probability of use that day (1 for baselines)
 * @param reason why it is on the device, in words a rep understands
 * @param type the record type, e.g. "contact"
 * @param title the record's title
 */
public record ManifestEntry(
    String recordId,
    long version,
    long sizeBytes,
    String sha256,
    Tier tier,
    double score,
    String reason,
    String type,
    String title) {

  public ManifestEntry {
    if (recordId == null || recordId.isEmpty() || sha256 == null || sha256.isEmpty()) {
      throw new IllegalArgumentException("a manifest entry needs recordId and sha256");
    }
    tier = Objects.requireNonNullElse(tier, Tier.PREDICTED);
    reason = Objects.requireNonNullElse(reason, "");
    type = Objects.requireNonNullElse(type, "");
    title = Objects.requireNonNullElse(title, "");
  }

  /** Whether the entry belongs to the guaranteed tier, downloaded before any predicted entry. */
  public boolean guaranteed() {
    return tier == Tier.GUARANTEED;
  }
}
