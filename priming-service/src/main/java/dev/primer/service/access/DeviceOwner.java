package dev.primer.service.access;

import java.time.Instant;
import java.util.Optional;

/** Whose a device is and whether an admin revoked it: all the ownership check needs. */
public record DeviceOwner(String deviceId, String userId, Optional<Instant> revokedAt) {}
