package dev.primer.service.admin;

import dev.primer.service.auth.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The admin console's pages: server-rendered shells (Qute) whose data and actions come from the
 * {@code /v1} API, called by the page with the session cookie. A page asked for without an admin
 * session sends the browser to the login page.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {
  /** The login page's path; the CSRF guard lets its form through. */
  public static final String LOGIN = "/admin/login";

  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  @Inject IdentityProviderManager identities;
  @Inject SecurityIdentity identity;

  @Inject
  @Location("admin/login.html")
  Template login;

  @Inject
  @Location("admin/territories.html")
  Template territories;

  @Inject
  @Location("admin/reps.html")
  Template reps;

  @Inject
  @Location("admin/conflicts.html")
  Template conflicts;

  @Inject
  @Location("admin/models.html")
  Template models;

  /** The console's start: the territory map. */
  @GET
  public Response index() {
    return Response.seeOther(URI.create("/admin/territories")).build();
  }

  /** The login form. */
  @GET
  @Path("login")
  public Response loginPage() {
    return page(login.data("error", ""), 200);
  }

  /**
   * Checks the pasted token exactly as the API checks a bearer token, insists on the admin role,
   * and keeps it in an HttpOnly, SameSite=Strict, Secure cookie until the token expires.
   */
  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response logIn(String form) {
    String pasted;
    try {
      pasted = tokenOf(form);
    } catch (IllegalArgumentException e) {
      return page(login.data("error", "the form could not be read: " + e.getMessage()), 400);
    }
    if (pasted.isEmpty()) {
      return page(login.data("error", "paste your admin token to log in"), 400);
    }
    SecurityIdentity who;
    try {
      who =
          identities.authenticateBlocking(
              new TokenAuthenticationRequest(new JsonWebTokenCredential(pasted)));
    } catch (AuthenticationFailedException e) {
      return page(
          login.data(
              "error", "this token is not valid here: expired, forged, or for another service"),
          401);
    }
    if (!who.hasRole(Roles.ADMIN)) {
      return page(
          login.data("error", "this token has no admin role: the console is for admins"), 403);
    }
    long maxAge = 3600;
    if (who.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
      maxAge =
          Math.max(
              1,
              Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()))
                  .toSeconds());
    }
    return Response.seeOther(URI.create("/admin/territories"))
        .cookie(sessionCookie(pasted, (int) Math.min(Integer.MAX_VALUE, maxAge)))
        .build();
  }

  /** The {@code token} field of a form body; a malformed escape is an IllegalArgumentException. */
  private static String tokenOf(String form) {
    for (String pair : (form == null ? "" : form).split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals("token")) {
        return java.net.URLDecoder.decode(
                eq < 0 ? "" : pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8)
            .strip();
      }
    }
    return "";
  }

  /** Ends the session (called by the page with its CSRF token); the browser goes to the login. */
  @POST
  @Path("logout")
  public Response logOut() {
    return Response.noContent().header("HX-Redirect", LOGIN).cookie(sessionCookie("", 0)).build();
  }

  /** The territory map. */
  @GET
  @Path("territories")
  public Response territoriesPage(@CookieParam(AdminSession.COOKIE) String session) {
    return shell(territories, "territories", session);
  }

  /** Reps: territories, budgets, manifests, devices. */
  @GET
  @Path("reps")
  public Response repsPage(@CookieParam(AdminSession.COOKIE) String session) {
    return shell(reps, "reps", session);
  }

  /** The review queue of offline edits. */
  @GET
  @Path("conflicts")
  public Response conflictsPage(@CookieParam(AdminSession.COOKIE) String session) {
    return shell(conflicts, "conflicts", session);
  }

  /** The model registry. */
  @GET
  @Path("models")
  public Response modelsPage(@CookieParam(AdminSession.COOKIE) String session) {
    return shell(models, "models", session);
  }

  private Response shell(Template template, String name, String session) {
    Optional<Response> away = notAnAdmin(session);
    if (away.isPresent()) {
      return away.get();
    }
    TemplateInstance page =
        template
            .data("page", name)
            .data("csrf", AdminSession.csrfTokenFor(session))
            .data("user", identity.getPrincipal().getName());
    return page(page, 200);
  }

  /** The login page for a browser without a session, a 403 page for a session without admin. */
  private Optional<Response> notAnAdmin(String session) {
    boolean anonymous;
    try {
      anonymous = session == null || session.isBlank() || identity.isAnonymous();
    } catch (AuthenticationFailedException e) {
      // The cookie's token expired or was revoked: log in again.
      anonymous = true;
    }
    if (anonymous) {
      return Optional.of(Response.seeOther(URI.create(LOGIN)).build());
    }
    if (!identity.hasRole(Roles.ADMIN)) {
      return Optional.of(
          page(login.data("error", "this session has no admin role: log in as an admin"), 403));
    }
    return Optional.empty();
  }

  private static Response page(TemplateInstance page, int status) {
    return Response.status(status)
        .entity(page.render())
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .header("Cache-Control", "no-store")
        .build();
  }

  private static NewCookie sessionCookie(String value, int maxAge) {
    return new NewCookie.Builder(AdminSession.COOKIE)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(true)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
