package dev.primer.service.device;

import dev.primer.service.auth.Caller;
import dev.primer.service.auth.DeviceTokenRefusal;
import dev.primer.service.auth.DeviceTokenRequest;
import dev.primer.service.auth.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Turns a device token into its device's user with the device role, bound to that device. */
@ApplicationScoped
public class DeviceTokenIdentityProvider implements IdentityProvider<DeviceTokenRequest> {
  private final DeviceTokens tokens;

  DeviceTokenIdentityProvider(DeviceTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Class<DeviceTokenRequest> getRequestType() {
    return DeviceTokenRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      DeviceTokenRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> identity(request.token()));
  }

  private SecurityIdentity identity(String token) {
    DeviceTokens.Holder holder =
        tokens
            .holder(token)
            .orElseThrow(() -> new AuthenticationFailedException("unknown device token"));
    if (holder.revokedAt().isPresent()) {
      throw DeviceTokenRefusal.revoked(
          "device "
              + holder.deviceId()
              + " was revoked by an administrator at "
              + holder.revokedAt().get()
              + "; its local data must be wiped");
    }
    if (holder.expiresAt().isBefore(Instant.now())) {
      throw DeviceTokenRefusal.expired(
          "the device token expired at "
              + holder.expiresAt()
              + "; enrol the device again with a token from your identity provider");
    }
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(holder.userId()))
        .addRole(Roles.DEVICE)
        .addAttribute(Caller.DEVICE_ATTRIBUTE, holder.deviceId())
        .build();
  }
}
