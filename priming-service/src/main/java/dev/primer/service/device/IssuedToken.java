package dev.primer.service.device;

import java.time.Instant;

/**
 * A device token as handed to its device, once: the service keeps only its hash.
 *
 * @param token the bearer token, {@code pdt_} and 43 base64url characters
 */
public record IssuedToken(String token, Instant expiresAt) {}
