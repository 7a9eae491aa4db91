package dev.primer.service.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token the service issued to a device ({@code pdt_…}), to be checked. */
public final class DeviceTokenRequest extends BaseAuthenticationRequest {
  private final String token;

  public DeviceTokenRequest(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
