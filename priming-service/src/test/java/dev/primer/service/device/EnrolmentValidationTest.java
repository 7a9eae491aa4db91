package dev.primer.service.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class EnrolmentValidationTest {
  private static JsonPath refused(String body) {
    return TestTokens.as("ev-1", Roles.DEVICE)
        .contentType("application/json")
        .body(body)
        .post("/v1/devices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .extract()
        .jsonPath();
  }

  @Test
  void aTooLongNameAndABlankPlatformAreEachNamedWithWhatIsWrong() {
    JsonPath problem = refused("{\"name\":\"" + "n".repeat(201) + "\",\"platform\":\" \"}");
    assertThat(problem.getList("errors.field")).containsExactly("name", "platform");
    assertThat(problem.getList("errors.message"))
        .containsExactly("must be at most 200 characters, was 201", "is required");
    assertThat(problem.getString("detail"))
        .isEqualTo("name: must be at most 200 characters, was 201");
    assertThat(problem.getInt("status")).isEqualTo(400);
    assertThat(problem.getString("type")).isEqualTo("https://primer.dev/problems/invalid-request");
  }

  @Test
  void aMissingFieldIsRequiredAndAMissingBodyToo() {
    assertThat(refused("{\"name\":\"laptop\"}").getList("errors.field"))
        .containsExactly("platform");
    JsonPath noBody =
        TestTokens.as("ev-1", Roles.DEVICE)
            .contentType("application/json")
            .post("/v1/devices")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .jsonPath();
    assertThat(noBody.getString("detail")).isEqualTo("body: is required");
  }

  @Test
  void aValidEnrolmentStillEnrols() {
    TestTokens.as("ev-1", Roles.DEVICE)
        .contentType("application/json")
        .body("{\"name\":\" laptop \",\"platform\":\"linux\"}")
        .post("/v1/devices")
        .then()
        .statusCode(201);
  }
}
