package dev.primer.service.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ProblemDocumentsTest {
  @Test
  void missingTokenIs401Problem() {
    given()
        .when()
        .get("/v1/models")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("https://primer.dev/problems/unauthorized"))
        .body("status", equalTo(401))
        .body("instance", equalTo("/v1/models"));
  }

  @Test
  void invalidTokenIs401Problem() {
    String token = TestTokens.token("u1", Roles.DATA_SCIENTIST);
    given()
        .header("Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
        .when()
        .get("/v1/models")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/unauthorized"));
  }

  @Test
  void wrongRoleIs403Problem() {
    TestTokens.as("u1", Roles.DEVICE)
        .when()
        .get("/v1/models")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/forbidden"))
        .body("title", equalTo("Forbidden"));
  }

  @Test
  void rightRoleIsServed() {
    TestTokens.as("u1", Roles.DATA_SCIENTIST)
        .when()
        .get("/v1/models")
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  @Test
  void unknownRouteIs404Problem() {
    TestTokens.as("u1", Roles.ADMIN)
        .when()
        .get("/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/not-found"));
  }

  @Test
  void wrongMethodIs405Problem() {
    TestTokens.as("u1", Roles.DATA_SCIENTIST)
        .when()
        .delete("/v1/models")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/method-not-allowed"))
        .body("detail", notNullValue())
        .body(not(containsString("Exception")));
  }
}
