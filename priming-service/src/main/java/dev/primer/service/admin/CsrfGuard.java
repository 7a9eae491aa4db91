package dev.primer.service.admin;

import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.problem.ProblemDocument;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * Refuses (403) every change a browser makes with the console's session cookie unless it carries
 * the session's CSRF token in {@link AdminSession#CSRF_HEADER}: a page on another site can make the
 * browser send the cookie (where SameSite does not stop it), never the token. Requests with an
 * {@code Authorization} header are not cookie-authenticated and pass; so does the login form, which
 * trusts nothing in the cookie. Runs on the event loop before authentication, for {@code /v1} and
 * {@code /admin} alike.
 */
@ApplicationScoped
public class CsrfGuard {
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 50).handler(this::check);
  }

  private void check(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    Cookie session = request.getCookie(AdminSession.COOKIE);
    if (SAFE.contains(request.method())
        || session == null
        || request.getHeader("Authorization") != null
        || request.path().equals(AdminPages.LOGIN)) {
      rc.next();
      return;
    }
    String sent = request.getHeader(AdminSession.CSRF_HEADER);
    if (sent == null || sent.isBlank()) {
      refuse(
          rc,
          "csrf-token-missing",
          "this change was sent with the console's session cookie"
              + " but without its "
              + AdminSession.CSRF_HEADER
              + " header; reload the page");
      return;
    }
    if (!AdminSession.csrfMatches(session.getValue(), sent)) {
      refuse(
          rc,
          "csrf-token-mismatch",
          "the "
              + AdminSession.CSRF_HEADER
              + " header is not this session's token; reload the page");
      return;
    }
    rc.next();
  }

  private static void refuse(RoutingContext rc, String slug, String detail) {
    ProblemDocument body =
        ProblemDocument.of(slug, "Forbidden", 403, detail, rc.request().path(), List.of());
    rc.response()
        .setStatusCode(403)
        .putHeader("Content-Type", MediaTypes.PROBLEM)
        .end(Json.encode(body));
  }
}
