package dev.primer.service.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminConsoleTest {
  private static Response logIn(String token) {
    return given()
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .post("/admin/login");
  }

  private static String session() {
    Response r = logIn(TestTokens.token("boss", Roles.ADMIN));
    r.then().statusCode(303);
    return r.getCookie(AdminSession.COOKIE);
  }

  @Test
  void aPageWithoutASessionSendsTheBrowserToTheLogin() {
    given()
        .redirects()
        .follow(false)
        .get("/admin/territories")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/admin/login"));
  }

  @Test
  void anAdminTokenLogsInWithAnHttpOnlyStrictSecureCookie() {
    Response r = logIn(TestTokens.token("boss", Roles.ADMIN));
    r.then().statusCode(303).header("Location", endsWith("/admin/territories"));
    Cookie cookie = r.getDetailedCookie(AdminSession.COOKIE);
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecured()).isTrue();
    assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getMaxAge()).isPositive();
  }

  @Test
  void aTokenWithoutTheAdminRoleIsRefusedAndSetsNoCookie() {
    Response r = logIn(TestTokens.token("u1", Roles.DEVICE));
    r.then().statusCode(403).body(containsString("no admin role"));
    assertThat(r.getCookie(AdminSession.COOKIE)).isNull();
  }

  @Test
  void aForgedOrEmptyTokenIsRefusedWithTheReason() {
    logIn("not.a.token").then().statusCode(401).body(containsString("not valid"));
    logIn("").then().statusCode(400).body(containsString("paste your admin token"));
  }

  @Test
  void everyPageRendersForAnAdminSessionWithItsCsrfTokenAndAStrictPolicy() {
    String session = session();
    for (String page : new String[] {"territories", "reps", "conflicts", "models"}) {
      given()
          .cookie(AdminSession.COOKIE, session)
          .get("/admin/" + page)
          .then()
          .statusCode(200)
          .header("Content-Security-Policy", containsString("default-src 'self'"))
          .body(containsString(AdminSession.csrfTokenFor(session)));
    }
  }

  @Test
  void theSessionCookieAuthenticatesTheApiForReads() {
    given().cookie(AdminSession.COOKIE, session()).get("/v1/territories").then().statusCode(200);
  }

  @Test
  void aChangeWithTheSessionCookieNeedsTheSessionsCsrfToken() {
    String session = session();
    given()
        .cookie(AdminSession.COOKIE, session)
        .delete("/v1/territories/t-none")
        .then()
        .statusCode(403)
        .body("type", endsWith("csrf-token-missing"));
    given()
        .cookie(AdminSession.COOKIE, session)
        .header(AdminSession.CSRF_HEADER, AdminSession.csrfTokenFor(session + "x"))
        .delete("/v1/territories/t-none")
        .then()
        .statusCode(403)
        .body("type", endsWith("csrf-token-mismatch"));
    given()
        .cookie(AdminSession.COOKIE, session)
        .header(AdminSession.CSRF_HEADER, AdminSession.csrfTokenFor(session))
        .delete("/v1/territories/t-none")
        .then()
        .statusCode(404);
  }

  @Test
  void aBearerTokenNeedsNoCsrfToken() {
    TestTokens.as("boss", Roles.ADMIN).delete("/v1/territories/t-none").then().statusCode(404);
  }

  @Test
  void logOutClearsTheCookie() {
    String session = session();
    Response r =
        given()
            .cookie(AdminSession.COOKIE, session)
            .header(AdminSession.CSRF_HEADER, AdminSession.csrfTokenFor(session))
            .post("/admin/logout");
    r.then().statusCode(204).header("HX-Redirect", "/admin/login");
    assertThat(r.getDetailedCookie(AdminSession.COOKIE).getMaxAge()).isZero();
  }
}
