package dev.primer.service.device;

import java.time.Instant;
import java.util.Optional;

/** A device as the API shows it. */
public record DeviceView(
    String deviceId,
    String userId,
    String name,
    String platform,
    Instant createdAt,
    Optional<Instant> revokedAt) {
  static DeviceView of(Device d) {
    return new DeviceView(
        d.id, d.userId, d.name, d.platform, d.createdAt, Optional.ofNullable(d.revokedAt));
  }
}
