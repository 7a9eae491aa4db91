package dev.primer.service.territorymodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobStore;
import dev.primer.service.manifest.Fixture;
import dev.primer.service.manifest.ManifestTestProfile;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class TerritoryModelTest {
  /** Around account 5 (40.0, -90.0), outside Chicago's T1. */
  private static final String SOUTH =
      "{\"type\":\"Feature\",\"properties\":{\"name\":\"Springfield\"},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-90.5,39.5],[-89.5,39.5],"
          + "[-89.5,40.5],[-90.5,40.5],[-90.5,39.5]]]}}";

  private static final String BOW_TIE =
      "{\"type\":\"Feature\",\"properties\":{\"name\":\"Bow tie\"},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-90,39],[-89,40],"
          + "[-89,39],[-90,40],[-90,39]]]}}";

  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
  }

  private static RequestSpecification admin() {
    return TestTokens.as("boss", Roles.ADMIN).contentType("application/json");
  }

  private static String draft() {
    return admin()
        .body(Map.of("note", "south"))
        .post("/v1/territory-models")
        .then()
        .statusCode(201)
        .body("state", equalTo("draft"))
        .body("createdBy", equalTo("boss"))
        .extract()
        .path("id");
  }

  /** The reps assigned to T1 now (other tests of this database assign too). */
  private static List<String> liveRepsOfT1() {
    return admin().get("/v1/admin/reps").jsonPath().<Map<String, Object>>getList("").stream()
        .filter(r -> ((List<?>) r.get("territoryIds")).contains("T1"))
        .map(r -> (String) r.get("id"))
        .toList();
  }

  @Test
  void aDraftStartsAsACopyOfTheLiveTerritoriesAndAssignments() {
    List<String> reps = liveRepsOfT1();
    String id = draft();
    JsonPath model =
        admin().get("/v1/territory-models/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(model.getList("features.properties.id")).containsExactly("T1");
    assertThat(model.getList("features[0].properties.assignedTo")).containsExactlyElementsOf(reps);
    admin().delete("/v1/territory-models/" + id).then().statusCode(204);
  }

  @Test
  void anInvalidTerritoryIsRefusedFromADraftWithTheValidatorsProblems() {
    String id = draft();
    admin()
        .body(BOW_TIE)
        .put("/v1/territory-models/" + id + "/territories/T9")
        .then()
        .statusCode(422)
        .body("detail", containsString("T9"));
    admin().delete("/v1/territory-models/" + id).then().statusCode(204);
  }

  @Test
  void thePreviewListsEachAffectedRepWithAccountsRecordsAndHitRates() {
    String id = draft();
    admin()
        .body(SOUTH)
        .put("/v1/territory-models/" + id + "/territories/T2")
        .then()
        .statusCode(201);
    admin()
        .body(List.of("T2"))
        .put("/v1/territory-models/" + id + "/assignments/u2")
        .then()
        .statusCode(200)
        .body("territoryIds", equalTo(List.of("T2")));
    JsonPath preview =
        admin()
            .get("/v1/territory-models/" + id + "/preview?budget=100000000&days=3")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // u2 now holds T2 only: it gains a5 (and loses T1's if another test gave it T1).
    assertThat(preview.getList("reps.userId")).containsExactly("u2");
    // Other tests of this database may add accounts beside a5 (EditApiTest's a-edits).
    assertThat(preview.getList("reps[0].accountsGained")).contains("a5");
    assertThat(preview.getInt("reps[0].accountsGainedCount"))
        .isEqualTo(preview.getList("reps[0].accountsGained").size());
    assertThat(preview.getInt("evaluationDays")).isEqualTo(3);
    admin().delete("/v1/territory-models/" + id).then().statusCode(204);
  }

  @Test
  void activationMakesTheDraftLiveAtOnceAndKeepsThePreviousToRestore() {
    List<String> reps = liveRepsOfT1();
    String id = draft();
    admin()
        .body(SOUTH)
        .put("/v1/territory-models/" + id + "/territories/T2")
        .then()
        .statusCode(201);
    admin().body(List.of("T1", "T2")).put("/v1/territory-models/" + id + "/assignments/u1");
    String archived =
        admin()
            .post("/v1/territory-models/" + id + "/activate")
            .then()
            .statusCode(200)
            .body("state", equalTo("archived"))
            .extract()
            .path("id");
    try {
      assertThat(admin().get("/v1/territories").jsonPath().getList("features.properties.id"))
          .containsExactly("T1", "T2");
      admin()
          .body(SOUTH)
          .put("/v1/territory-models/" + id + "/territories/T3")
          .then()
          .statusCode(409)
          .body("type", endsWith("not-a-draft"));
      admin().post("/v1/territory-models/" + id + "/activate").then().statusCode(409);
    } finally {
      admin().post("/v1/territory-models/" + archived + "/activate").then().statusCode(200);
    }
    assertThat(admin().get("/v1/territories").jsonPath().getList("features.properties.id"))
        .containsExactly("T1");
    assertThat(
            admin()
                .get("/v1/territory-models/" + archived)
                .jsonPath()
                .getList("features[0].properties.assignedTo"))
        .containsExactlyElementsOf(reps);
  }

  @Test
  void onlyAdminsTouchTerritoryModelsAndBadInputNamesItsField() {
    TestTokens.as("u1", Roles.DEVICE).get("/v1/territory-models").then().statusCode(403);
    admin().get("/v1/territory-models/tm-none").then().statusCode(404);
    String id = draft();
    admin()
        .get("/v1/territory-models/" + id + "/preview?days=99")
        .then()
        .statusCode(400)
        .body("detail", containsString("days"));
    admin()
        .body(List.of("T-none"))
        .put("/v1/territory-models/" + id + "/assignments/u1")
        .then()
        .statusCode(422)
        .body("type", endsWith("unknown-territory"))
        .body("detail", equalTo("no territory T-none in draft " + id))
        .body("errors[0].field", equalTo("territoryIds"));
    admin()
        .body("null")
        .put("/v1/territory-models/" + id + "/assignments/u1")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("body"));
    admin()
        .body("null")
        .put("/v1/users/u1/territories")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("body"));
    admin().delete("/v1/territory-models/" + id).then().statusCode(204);
  }
}
