package dev.primer.service.telemetry;

import static dev.primer.service.manifest.DeviceCalls.enrol;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class HitRateTest {
  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
  }

  private static String event(String at, String kind) {
    return "{\"eventId\": \""
        + UUID.randomUUID()
        + "\", \"recordId\": \"r-a2-contact\", \"at\": \""
        + at
        + "\", \"kind\": \""
        + kind
        + "\"}\n";
  }

  @Test
  void countsHitsAndMissesPerDayInTheRepsTimeZoneWithEveryDayOfTheWindow() {
    String device = enrol("u2");
    // The clock is 2026-03-01 21:00 in Chicago: today there is March 1st.
    String body =
        event("2026-02-27T10:00:00-06:00", "hit")
            + event("2026-02-27T11:00:00-06:00", "hit")
            + event("2026-02-27T12:00:00-06:00", "miss")
            // 23:30 in Chicago, already the next day in UTC: counted on the 28th.
            + event("2026-02-28T23:30:00-06:00", "hit")
            + event("2026-02-10T10:00:00-06:00", "miss");
    given()
        .header("Authorization", TestTokens.bearer("u2", Roles.DEVICE))
        .contentType("application/x-ndjson")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/v1/devices/" + device + "/telemetry")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(5));
    TestTokens.as("boss", Roles.ADMIN)
        .get("/v1/admin/users/u2/hit-rate?days=7")
        .then()
        .statusCode(200)
        .body("timezone", equalTo("America/Chicago"))
        .body("days", hasSize(7))
        .body("days[0].day", equalTo("2026-02-23"))
        .body("days[6].day", equalTo("2026-03-01"))
        .body("days.find { it.day == '2026-02-27' }.hits", equalTo(2))
        .body("days.find { it.day == '2026-02-27' }.misses", equalTo(1))
        .body("days.find { it.day == '2026-02-28' }.hits", equalTo(1))
        .body("days.find { it.day == '2026-03-01' }.hits", equalTo(0));
    TestTokens.as("boss", Roles.ADMIN)
        .get("/v1/admin/users/u2/hit-rate")
        .then()
        .statusCode(200)
        .body("days", hasSize(28))
        .body("days.find { it.day == '2026-02-10' }.misses", equalTo(1));
  }

  @Test
  void refusesABadWindowAnUnknownRepAndNonAdmins() {
    for (String bad : new String[] {"0", "367", "week", "-1"}) {
      TestTokens.as("boss", Roles.ADMIN)
          .get("/v1/admin/users/u2/hit-rate?days=" + bad)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("days"));
    }
    TestTokens.as("boss", Roles.ADMIN)
        .get("/v1/admin/users/nobody/hit-rate")
        .then()
        .statusCode(404)
        .body("type", equalTo("https://primer.dev/problems/unknown-user"));
    TestTokens.as("u2", Roles.DEVICE).get("/v1/admin/users/u2/hit-rate").then().statusCode(403);
  }
}
