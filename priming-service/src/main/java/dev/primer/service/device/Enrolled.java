package dev.primer.service.device;

import java.time.Instant;

/**
 * The answer to an enrolment: the device and the token it uses from now on.
 *
 * @param token the device's bearer token, shown this once ({@code pdt_…})
 */
public record Enrolled(
    String deviceId,
    String userId,
    String name,
    String platform,
    Instant createdAt,
    String token,
    Instant tokenExpiresAt) {
  static Enrolled of(DeviceView d, IssuedToken token) {
    return new Enrolled(
        d.deviceId(),
        d.userId(),
        d.name(),
        d.platform(),
        d.createdAt(),
        token.token(),
        token.expiresAt());
  }
}
