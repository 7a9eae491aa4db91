package dev.primer.service.model;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.primer.core.scoring.ModelBundles;
import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ModelEvaluationTest.OwnRegistry.class)
class ModelEvaluationTest {
  /** A service of its own, so its uploads do not change which model other tests see active. */
  public static class OwnRegistry implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("primer.precompute.cron", "off");
    }
  }

  @TempDir Path dir;

  private static final String REPORT =
      """
      {"dataSet": "out/medium", "fromDay": "2026-03-20", "toDay": "2026-04-19",
       "results": [
         {"selector": "model", "budgetBytes": 268435456, "hitRate": 0.71, "byteHitRate": 0.64,
          "recordsPerUserDay": 410.5, "wastedBytesPerUserDay": 1.2e8, "userDays": 6200},
         {"selector": "territory", "budgetBytes": 268435456, "hitRate": 0.52,
          "byteHitRate": 0.45, "recordsPerUserDay": 390, "wastedBytesPerUserDay": 1.5e8,
          "userDays": 6200}],
       "calibration": [{"predicted": 0.05, "observed": 0.04, "candidates": 90000}],
       "topFeatures": [{"name": "appointment_today", "weight": 2.5}]}""";

  private static RequestSpecification scientist() {
    return TestTokens.as("ds", Roles.DATA_SCIENTIST).contentType("application/json");
  }

  private String uploaded(long seed) throws IOException {
    byte[] bundle = TestBundles.bundle(dir, seed);
    TestTokens.as("ds", Roles.DATA_SCIENTIST)
        .contentType("application/zip")
        .body(bundle)
        .post("/v1/models")
        .then()
        .statusCode(201);
    return ModelBundles.sha256(bundle).substring(0, 12);
  }

  @Test
  void anAttachedReportIsListedWithTheModelForAdminsToPlot() throws IOException {
    String id = uploaded(11);
    scientist()
        .body(REPORT)
        .put("/v1/models/" + id + "/evaluation")
        .then()
        .statusCode(200)
        .body("evaluation.results[0].hitRate", equalTo(0.71f));
    TestTokens.as("boss", Roles.ADMIN)
        .get("/v1/models")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + id + "' }.evaluation.fromDay", equalTo("2026-03-20"))
        .body("find { it.id == '" + id + "' }.evaluation.results.selector", hasItem("territory"))
        .body(
            "find { it.id == '" + id + "' }.evaluation.topFeatures[0].name",
            equalTo("appointment_today"));
  }

  @Test
  void aBadReportIsRefusedNamingTheFieldAndTheModelKeepsItsOwn() throws IOException {
    String id = uploaded(12);
    scientist().body(REPORT).put("/v1/models/" + id + "/evaluation").then().statusCode(200);
    String[][] bad = {
      {"\"hitRate\": 0.71", "\"hitRate\": 1.5", "results[0].hitRate"},
      {"\"fromDay\": \"2026-03-20\"", "\"fromDay\": \"March\"", "fromDay"},
      {
        "\"budgetBytes\": 268435456, \"hitRate\": 0.71",
        "\"budgetBytes\": 0, \"hitRate\": 0.71",
        "results[0].budgetBytes"
      },
      {"\"selector\": \"model\"", "\"selector\": \"\"", "results[0].selector"},
      {"\"observed\": 0.04", "\"observed\": -1", "calibration[0].observed"},
    };
    for (String[] b : bad) {
      scientist()
          .body(REPORT.replace(b[0], b[1]))
          .put("/v1/models/" + id + "/evaluation")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("https://primer.dev/problems/invalid-evaluation"))
          .body("errors.field", hasItem(b[2]));
    }
    scientist()
        .body(REPORT.replace("\"results\": [", "\"results\": [], \"x\": ["))
        .put("/v1/models/" + id + "/evaluation")
        .then()
        .statusCode(400);
    scientist()
        .body("null")
        .put("/v1/models/" + id + "/evaluation")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("body"));
    scientist()
        .body("{\"results\": 5")
        .put("/v1/models/" + id + "/evaluation")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    scientist()
        .body(REPORT)
        .put("/v1/models/nope/evaluation")
        .then()
        .statusCode(404)
        .body("detail", containsString("nope"));
    TestTokens.as("boss", Roles.ADMIN)
        .contentType("application/json")
        .body(REPORT)
        .put("/v1/models/" + id + "/evaluation")
        .then()
        .statusCode(403);
    TestTokens.as("ds", Roles.DATA_SCIENTIST)
        .get("/v1/models")
        .then()
        .body("find { it.id == '" + id + "' }.evaluation.results[0].hitRate", equalTo(0.71f));
  }
}
