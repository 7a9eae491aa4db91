package dev.primer.service.manifest;

/**
 * One record on a device, as the manifest lists it.
 *
 * @param tier {@code guaranteed} or {@code predicted}
 * @param score the predicted probability of use that day (1 for baselines)
 * @param reason why it is on the device, in words a rep understands
 */
public record ManifestEntry(
    String recordId,
    long version,
    long sizeBytes,
    String sha256,
    String tier,
    double score,
    String reason,
    String type,
    String title) {}
