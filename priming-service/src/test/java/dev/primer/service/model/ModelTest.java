package dev.primer.service.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.primer.core.scoring.ModelBundles;
import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ModelTest {
  @Inject ModelRegistry registry;
  @TempDir Path dir;

  private static RequestSpecification scientist() {
    return TestTokens.as("ds", Roles.DATA_SCIENTIST);
  }

  private byte[] bundle(long seed) throws IOException {
    return TestBundles.bundle(dir, seed);
  }

  @Test
  void uploadsActivatesAndRollsBack() throws IOException {
    byte[] first = bundle(1);
    byte[] second = bundle(2);
    String firstId = ModelBundles.sha256(first).substring(0, 12);
    String secondId = ModelBundles.sha256(second).substring(0, 12);

    scientist()
        .contentType("application/zip")
        .body(first)
        .post("/v1/models")
        .then()
        .statusCode(201)
        .body("id", equalTo(firstId))
        .body("active", equalTo(true))
        .body("provenance.seed", equalTo(1));
    assertThat(registry.active()).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(firstId));

    scientist()
        .contentType("application/zip")
        .body(second)
        .post("/v1/models")
        .then()
        .statusCode(201)
        .body("active", equalTo(false));
    scientist()
        .contentType("application/zip")
        .body(second)
        .post("/v1/models")
        .then()
        .statusCode(200);
    assertThat(registry.active().orElseThrow().id()).isEqualTo(firstId);

    scientist()
        .post("/v1/models/" + secondId + "/activate")
        .then()
        .statusCode(200)
        .body("active", equalTo(true));
    assertThat(registry.active().orElseThrow().id()).isEqualTo(secondId);
    scientist()
        .get("/v1/models")
        .then()
        .statusCode(200)
        .body("findAll { it.active }.size()", equalTo(1));

    // A corrupt bundle is refused and the active model stays.
    scientist()
        .contentType("application/zip")
        .body("this is not a zip".getBytes())
        .post("/v1/models")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/invalid-model"));
    assertThat(registry.active().orElseThrow().id()).isEqualTo(secondId);

    scientist()
        .urlEncodingEnabled(false)
        .post("/v1/models:rollback")
        .then()
        .statusCode(200)
        .body("id", equalTo(firstId));
    assertThat(registry.active().orElseThrow().id()).isEqualTo(firstId);
    scientist()
        .urlEncodingEnabled(false)
        .post("/v1/models:rollback")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    scientist().post("/v1/models/nope/activate").then().statusCode(404);
  }

  @Test
  void refusesABundleTrainedOnAnotherFeatureSchema() throws IOException {
    byte[] old =
        Files.readAllBytes(
            Path.of("../model-training/src/test/resources/bundles/features-0-logreg.zip"));
    scientist()
        .contentType("application/zip")
        .body(old)
        .post("/v1/models")
        .then()
        .statusCode(422)
        .body("detail", containsString("feature schema"));
  }

  @Test
  void adminsListActivateAndRollBackButOnlyDataScientistsUploadAndNoOtherRoleTouchesIt() {
    TestTokens.as("a", Roles.ADMIN).get("/v1/models").then().statusCode(200);
    TestTokens.as("a", Roles.ADMIN)
        .contentType("application/zip")
        .body(new byte[] {1, 2, 3})
        .post("/v1/models")
        .then()
        .statusCode(403);
    TestTokens.as("d", Roles.DEVICE).get("/v1/models").then().statusCode(403);
    TestTokens.as("d", Roles.DEVICE)
        .urlEncodingEnabled(false)
        .post("/v1/models:rollback")
        .then()
        .statusCode(403);
  }
}
