package dev.primer.service.admin;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates the admin console's pages and their calls to {@code /v1} with the session cookie:
 * the token in it is verified exactly as a bearer token is (the JWT identity provider), so the
 * console has no rules of its own. A request with an {@code Authorization} header is left to the
 * bearer mechanisms.
 */
@ApplicationScoped
public class SessionCookieMechanism implements HttpAuthenticationMechanism {
  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    if (context.request().getHeader("Authorization") != null) {
      return Uni.createFrom().nullItem();
    }
    Cookie cookie = context.request().getCookie(AdminSession.COOKIE);
    if (cookie == null || cookie.getValue().isBlank()) {
      return Uni.createFrom().nullItem();
    }
    return identityProviderManager.authenticate(
        new TokenAuthenticationRequest(new JsonWebTokenCredential(cookie.getValue())));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(
            new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, AdminSession.COOKIE));
  }

  @Override
  public int getPriority() {
    // After the bearer mechanisms: a script's Authorization header always wins.
    return DEFAULT_PRIORITY - 100;
  }
}
