package dev.primer.service.auth;

import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.problem.ProblemDocument;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Reads device tokens ({@code Authorization: Bearer pdt_…}) before the JWT mechanism: any other
 * bearer token it leaves to smallrye-jwt.
 */
@ApplicationScoped
public class DeviceTokenMechanism implements HttpAuthenticationMechanism {
  /** The prefix of every device token, so that it is never mistaken for a JWT. */
  public static final String PREFIX = "pdt_";

  private static final String BEARER = "Bearer ";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader("Authorization");
    if (header == null
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || !header.startsWith(PREFIX, BEARER.length())) {
      return Uni.createFrom().nullItem();
    }
    return identityProviderManager.authenticate(
        new DeviceTokenRequest(header.substring(BEARER.length()).strip()));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  /**
   * Answers a challenge (the HTTP layer's own 401, e.g. for {@code /q/metrics}) with a problem
   * document like every other error, not an empty body.
   */
  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    ProblemDocument problem =
        ProblemDocument.of(
            "unauthorized",
            "Unauthorized",
            401,
            "a valid bearer token is required",
            context.request().path(),
            List.of());
    context
        .response()
        .setStatusCode(401)
        .putHeader("WWW-Authenticate", "Bearer")
        .putHeader("Content-Type", MediaTypes.PROBLEM)
        .end(Json.encode(problem));
    return Uni.createFrom().item(true);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(DeviceTokenRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
  }

  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 100;
  }
}
