package dev.primer.service.auth;

import dev.primer.service.problem.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the user of a bearer token (an identity provider's JWT, whose {@code sub} names
 * the user) or of a device token (bound to one device). Endpoints ask this, never the token.
 */
@RequestScoped
public class Caller {
  /** The identity attribute that carries the device a device token is bound to. */
  public static final String DEVICE_ATTRIBUTE = "primer.device";

  private final SecurityIdentity identity;

  Caller(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** The calling user's id. */
  public String userId() {
    Principal principal = identity.getPrincipal();
    String id = principal instanceof JsonWebToken jwt ? jwt.getSubject() : principal.getName();
    if (id == null || id.isBlank()) {
      throw new AuthenticationFailedException("the token names no user (sub)");
    }
    return id;
  }

  /** The device a device token is bound to; empty for a user's token. */
  public Optional<String> boundDevice() {
    return Optional.ofNullable(identity.<String>getAttribute(DEVICE_ATTRIBUTE));
  }

  /** Refuses (403) a device token used for another device than its own. */
  public void mayActFor(String deviceId) {
    boundDevice()
        .filter(bound -> !bound.equals(deviceId))
        .ifPresent(
            bound -> {
              throw new ProblemException(
                  403,
                  "forbidden",
                  "Forbidden",
                  "this device token belongs to another device than '" + deviceId + "'");
            });
  }
}
