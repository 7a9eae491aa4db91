package dev.primer.protocol.device;

import java.util.Objects;

/**
 * A device token as handed to its device, once ({@code POST /v1/devices/{id}/token}): the service
 * keeps only its hash.
 *
 * @param token the bearer token, {@code pdt_} and 43 base64url characters
 * @param expiresAt when it expires (ISO instant)
 */
public record IssuedToken(String token, String expiresAt) {
  public IssuedToken {
    token = Objects.requireNonNullElse(token, "");
    expiresAt = Objects.requireNonNullElse(expiresAt, "");
  }
}
