package dev.primer.service.device;

import dev.primer.service.access.DeviceOwner;
import java.time.Instant;
import java.util.Optional;

/**
 * A device as the API shows it.
 *
 * @param lastSyncAt when it last asked for its manifest (the start of every sync)
 * @param lastBudget the budget it was last served
 */
public record DeviceView(
    String deviceId,
    String userId,
    String name,
    String platform,
    Instant createdAt,
    Optional<Instant> lastSyncAt,
    Optional<Long> lastBudget,
    Optional<Instant> revokedAt) {
  static DeviceView of(Device d) {
    return new DeviceView(
        d.id,
        d.userId,
        d.name,
        d.platform,
        d.createdAt,
        Optional.ofNullable(d.lastSyncAt),
        Optional.ofNullable(d.lastBudget),
        Optional.ofNullable(d.revokedAt));
  }

  /** What the ownership check needs of this device. */
  DeviceOwner owner() {
    return new DeviceOwner(deviceId, userId, revokedAt);
  }
}
