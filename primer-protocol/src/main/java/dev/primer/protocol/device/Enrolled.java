package dev.primer.protocol.device;

import java.util.Objects;

/**
 * The answer to an enrolment: the device and the token it uses from now on.
 *
 * @param deviceId the device's id
 * @param userId its user
 * @param name its name
 * @param platform its platform
 * @param createdAt when it was enrolled (ISO instant)
 * @param token the device's bearer token, shown this once ({@code pdt_…})
 * @param tokenExpiresAt when that token expires (ISO instant)
 */
public record Enrolled(
    String deviceId,
    String userId,
    String name,
    String platform,
    String createdAt,
    String token,
    String tokenExpiresAt) {
  public Enrolled {
    deviceId = Objects.requireNonNullElse(deviceId, "");
    userId = Objects.requireNonNullElse(userId, "");
    name = Objects.requireNonNullElse(name, "");
    platform = Objects.requireNonNullElse(platform, "");
    createdAt = Objects.requireNonNullElse(createdAt, "");
    token = Objects.requireNonNullElse(token, "");
    tokenExpiresAt = Objects.requireNonNullElse(tokenExpiresAt, "");
  }
}
