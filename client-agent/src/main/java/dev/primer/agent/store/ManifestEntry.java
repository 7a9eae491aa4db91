package dev.primer.agent.store;

/**
 * One line of a manifest: which version of which record the device should hold, in what priority.
 *
 * @param recordId the record
 * @param version its version
 * @param sizeBytes its content size
 * @param sha256 the sha256 of its content, hex
 * @param tier "guaranteed" or "scored"
 * @param score the model's score (expected use)
 * @param type the record type, e.g. "contact"
 * @param title the record's title
 * @param reason why it was chosen, e.g. "appointment Tue 09:00 at ACME Pumps"
 */
public record ManifestEntry(
    String recordId,
    long version,
    long sizeBytes,
    String sha256,
    String tier,
    double score,
    String type,
    String title,
    String reason) {

  public ManifestEntry {
    tier = tier == null ? "scored" : tier;
    type = type == null ? "" : type;
    title = title == null ? "" : title;
    reason = reason == null ? "" : reason;
    if (recordId == null || sha256 == null) {
      throw new IllegalArgumentException("a manifest entry needs recordId and sha256");
    }
  }

  /** Whether the entry belongs to the guaranteed tier, downloaded before any scored entry. */
  public boolean guaranteed() {
    return "guaranteed".equals(tier);
  }
}
