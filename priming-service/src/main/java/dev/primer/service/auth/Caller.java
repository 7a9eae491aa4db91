package dev.primer.service.auth;

import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the user of a bearer token (an identity provider's JWT, whose {@code sub} names
 * the user) or of a device token (bound to one device). Every route that acts for "the caller's
 * user" asks here, so that a token naming nobody is a 401, never a null that reaches SQL.
 */
@RequestScoped
public class Caller {
  /** The identity attribute that carries the device a device token is bound to. */
  public static final String DEVICE_ATTRIBUTE = "primer.device";

  private final SecurityIdentity identity;

  Caller(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** The caller's user id; a token without a usable {@code sub} is a 401 problem. */
  public String userId() {
    Principal principal = identity.getPrincipal();
    String id = principal instanceof JsonWebToken jwt ? jwt.getSubject() : principal.getName();
    if (id == null || id.isBlank() || StorableText.problem(id, StorableText.MAX_ID).isPresent()) {
      throw new ProblemException(
          401,
          "no-subject",
          "Unauthorized",
          "the token names no user: its sub claim is missing, blank or not a user id");
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
