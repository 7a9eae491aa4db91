package dev.primer.service.territory;

import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class TerritoryTest {
  private static RequestSpecification admin() {
    return TestTokens.as("boss", Roles.ADMIN).contentType("application/json");
  }

  private static String square(String id, double lon, double lat) {
    return """
        {"type":"Feature","properties":{"id":"%s","name":"Square %s"},
         "geometry":{"type":"Polygon","coordinates":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}"""
        .formatted(id, id, lon, lat, lon + 1, lat, lon + 1, lat + 1, lon, lat + 1, lon, lat);
  }

  private static final String BOWTIE =
      """
      {"type":"Feature","properties":{"name":"Bowtie"},
       "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}""";

  @Test
  void storesReadsListsReplacesAndDeletesATerritory() {
    admin().body(square("tt1", 10, 10)).put("/v1/territories/tt1").then().statusCode(201);
    admin().body(square("tt1", 10, 10)).put("/v1/territories/tt1").then().statusCode(200);
    admin()
        .get("/v1/territories/tt1")
        .then()
        .statusCode(200)
        .body("type", equalTo("Feature"))
        .body("properties.name", equalTo("Square tt1"));
    admin()
        .get("/v1/territories")
        .then()
        .statusCode(200)
        .body("type", equalTo("FeatureCollection"))
        .body("features.properties.id", hasItem("tt1"));
    admin().delete("/v1/territories/tt1").then().statusCode(204);
    admin()
        .get("/v1/territories/tt1")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    admin().delete("/v1/territories/tt1").then().statusCode(404);
  }

  @Test
  void refusesAnInvalidTerritoryWithTerritoryGeosProblems() {
    admin()
        .body(BOWTIE)
        .put("/v1/territories/tt2")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/invalid-territory"))
        .body("errors[0].field", equalTo("geometry"))
        .body("errors[0].message", containsString("self-intersection"));
    admin().get("/v1/territories/tt2").then().statusCode(404);
    admin()
        .body(square("other", 0, 0))
        .put("/v1/territories/tt3")
        .then()
        .statusCode(422)
        .body("detail", containsString("differs"));
    admin()
        .body("{\"type\":\"Feature\",")
        .put("/v1/territories/tt3")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(not(containsString("Exception")));
  }

  @Test
  void validatesWithoutStoring() {
    admin()
        .body(BOWTIE)
        .urlEncodingEnabled(false)
        .post("/v1/territories:validate")
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("problems.code", hasItem("self-intersection"));
    admin()
        .body(square("tt4", 20, 20))
        .urlEncodingEnabled(false)
        .post("/v1/territories:validate")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true));
    admin().get("/v1/territories/tt4").then().statusCode(404);
  }

  @Test
  void reportsOverlapsWhereTheyAreAndTheAccountsOutsideEveryTerritory() {
    admin().body(square("tr1", 30, 30)).put("/v1/territories/tr1").then().statusCode(201);
    admin().body(square("tr2", 30.5, 30)).put("/v1/territories/tr2").then().statusCode(201);
    TestTokens.as("crm", Roles.INTEGRATOR)
        .contentType("application/x-ndjson")
        .body(
            "{\"id\":\"tra1\",\"name\":\"A\",\"domain\":\"a.example\",\"address\":\"x\",\"lat\":30.5,\"lon\":30.2,\"ownerId\":\"u\"}\n"
                + "{\"id\":\"tra2\",\"name\":\"B\",\"domain\":\"b.example\",\"address\":\"y\",\"lat\":-40.5,\"lon\":-70.2,\"ownerId\":\"u\"}")
        .post("/v1/import/accounts")
        .then()
        .statusCode(200);
    admin()
        .get("/v1/territories/report")
        .then()
        .statusCode(200)
        .body("overlaps.find { it.first == 'tr1' }.second", equalTo("tr2"))
        .body(
            "overlaps.find { it.first == 'tr1' }.lon", both(greaterThan(30.5f)).and(lessThan(31f)))
        .body("overlaps.find { it.first == 'tr1' }.lat", both(greaterThan(30f)).and(lessThan(31f)))
        .body("accountsPerTerritory.tr1", equalTo(1))
        .body("accountIdsOutsideEveryTerritory", hasItem("tra2"))
        .body("accountIdsOutsideEveryTerritory", not(hasItem("tra1")));
  }

  @Test
  void assignsTerritoriesToUsers() {
    TestTokens.as("crm", Roles.INTEGRATOR)
        .contentType("application/x-ndjson")
        .body(
            "{\"id\":\"tu1\",\"name\":\"Ana\",\"email\":\"ana@x.example\",\"timezone\":\"UTC\","
                + "\"home\":{\"lat\":1,\"lon\":2},\"territoryIds\":[],\"teamId\":\"t\",\"role\":\"sales\"}")
        .post("/v1/import/users")
        .then()
        .statusCode(200);
    admin().body(square("ta1", 40, 40)).put("/v1/territories/ta1").then().statusCode(201);
    admin()
        .body("[\"ta1\"]")
        .put("/v1/users/tu1/territories")
        .then()
        .statusCode(200)
        .body("territoryIds", hasSize(1));
    admin()
        .body("[\"ta1\", \"nowhere\"]")
        .put("/v1/users/tu1/territories")
        .then()
        .statusCode(422)
        .body("errors[0].message", containsString("nowhere"));
    admin().body("[\"ta1\"]").put("/v1/users/ghost/territories").then().statusCode(404);
    admin()
        .body("{\"not\": \"a list\"}")
        .put("/v1/users/tu1/territories")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/invalid-json"))
        .body(not(containsString("java.")));
    TestTokens.as("x", Roles.DEVICE).get("/v1/territories").then().statusCode(403);
  }
}
