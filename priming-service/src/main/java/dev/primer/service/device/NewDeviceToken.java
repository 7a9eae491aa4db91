package dev.primer.service.device;

import java.time.Instant;

/**
 * A device token as minted, handed to its device once (as the wire's {@code IssuedToken}): the
 * service keeps only its hash.
 *
 * @param token the bearer token, {@code pdt_} and 43 base64url characters
 */
public record NewDeviceToken(String token, Instant expiresAt) {
  /** The token as the wire carries it. */
  public dev.primer.protocol.device.IssuedToken wire() {
    return new dev.primer.protocol.device.IssuedToken(token, expiresAt.toString());
  }
}
