package dev.primer.service.manifest;

import static dev.primer.service.manifest.DeviceCalls.enrol;
import static dev.primer.service.manifest.DeviceCalls.manifest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobStore;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blobs with Range, telemetry and previews, on the fixture organisation. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class DeviceDataTest {
  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
  }

  private static byte[] largeContent() {
    byte[] large = new byte[Fixture.LARGE];
    new SplittableRandom(7).nextBytes(large);
    return large;
  }

  private static String deviceHoldingTheBlob() {
    String device = enrol("u1");
    manifest("u1", device, "budget=400000").then().statusCode(200);
    return device;
  }

  @Test
  void blobResumesFromAnOffsetWith206() {
    deviceHoldingTheBlob();
    String sha = Fixture.largeSha();
    byte[] whole =
        given()
            .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
            .when()
            .get("/v1/blobs/" + sha)
            .then()
            .statusCode(200)
            .header("ETag", "\"" + sha + "\"")
            .header("Accept-Ranges", "bytes")
            .extract()
            .asByteArray();
    assertThat(whole).isEqualTo(largeContent());
    byte[] tail =
        given()
            .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
            .header("Range", "bytes=100000-")
            .header("If-Range", "\"" + sha + "\"")
            .when()
            .get("/v1/blobs/" + sha)
            .then()
            .statusCode(206)
            .header("Content-Range", "bytes 100000-149999/150000")
            .extract()
            .asByteArray();
    assertThat(tail).isEqualTo(Arrays.copyOfRange(largeContent(), 100000, 150000));
    byte[] middle =
        given()
            .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
            .header("Range", "bytes=10-19")
            .when()
            .get("/v1/blobs/" + sha)
            .then()
            .statusCode(206)
            .header("Content-Range", "bytes 10-19/150000")
            .extract()
            .asByteArray();
    assertThat(middle).isEqualTo(Arrays.copyOfRange(largeContent(), 10, 20));
  }

  @Test
  void ifRangeWithAnotherValidatorGivesTheWholeBlob() {
    deviceHoldingTheBlob();
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .header("Range", "bytes=100000-")
        .header("If-Range", "\"something-else\"")
        .when()
        .get("/v1/blobs/" + Fixture.largeSha())
        .then()
        .statusCode(200)
        .header("Content-Length", String.valueOf(Fixture.LARGE));
  }

  @Test
  void rangePastTheEndIs416() {
    deviceHoldingTheBlob();
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .header("Range", "bytes=150000-")
        .when()
        .get("/v1/blobs/" + Fixture.largeSha())
        .then()
        .statusCode(416)
        .header("Content-Range", "bytes */150000")
        .contentType("application/problem+json");
  }

  @Test
  void blobOutsideTheCallersManifestsIs404() {
    deviceHoldingTheBlob();
    // u3 has a device, but its manifest (tiny budget) does not hold the blob.
    String other = enrol("u3");
    manifest("u3", other, "budget=2000").then().statusCode(200);
    given()
        .header("Authorization", TestTokens.bearer("u3", Roles.DEVICE))
        .when()
        .get("/v1/blobs/" + Fixture.largeSha())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .when()
        .get("/v1/blobs/" + "0".repeat(64))
        .then()
        .statusCode(404);
  }

  @Test
  void telemetryIsStoredOnceAndBecomesInteractions() throws Exception {
    String device = enrol("u1");
    String hit = UUID.randomUUID().toString();
    String miss = UUID.randomUUID().toString();
    String body =
        "{\"eventId\": \""
            + hit
            + "\", \"recordId\": \"r-a4-contact\", \"at\": \"2026-03-02T09:12:00-06:00\","
            + " \"kind\": \"hit\"}\n"
            + "{\"eventId\": \"x\", \"recordId\": \"r-a4-contact\", \"at\": \"yesterday\","
            + " \"kind\": \"hit\"}\n"
            + "{\"eventId\": \""
            + miss
            + "\", \"recordId\": \"r-a1-nocontent\", \"at\": \"2026-03-02T10:00:00-06:00\","
            + " \"kind\": \"miss\", \"query\": \"price list\"}\n"
            + "{\"eventId\": \"y\", \"recordId\": \"r-nope\", \"at\": \"2026-03-02T10:00:00-06:00\","
            + " \"kind\": \"miss\"}\n";
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .contentType("application/x-ndjson")
        .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .when()
        .post("/v1/devices/" + device + "/telemetry")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("duplicates", equalTo(0))
        .body("rejected[0].line", equalTo(2))
        .body("rejected[1].line", equalTo(4));
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .contentType("application/x-ndjson")
        .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .when()
        .post("/v1/devices/" + device + "/telemetry")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(0))
        .body("duplicates", equalTo(2));
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT record_id, kind FROM interactions WHERE source = 'telemetry'"
                    + " AND user_id = 'u1' ORDER BY at");
        ResultSet rs = s.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("r-a4-contact");
      assertThat(rs.getString(2)).isEqualTo("view");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("search-miss");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void telemetryOfAnotherUsersDeviceIs403() {
    String device = enrol("u1");
    given()
        .header("Authorization", TestTokens.bearer("u3", Roles.DEVICE))
        .contentType("application/x-ndjson")
        .body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .when()
        .post("/v1/devices/" + device + "/telemetry")
        .then()
        .statusCode(403);
  }

  @Test
  void previewSummarisesWhatTheManifestWouldHold() {
    given()
        .header("Authorization", TestTokens.bearer("admin1", Roles.ADMIN))
        .when()
        .get("/v1/users/u1/preview?budget=400000")
        .then()
        .statusCode(200)
        .body("userId", equalTo("u1"))
        .body("selector", equalTo("fallback:territory"))
        .body("bytesByType.schematic", equalTo(Fixture.LARGE))
        .body("entries", equalTo(13))
        .body("guaranteed", equalTo(0));
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .when()
        .get("/v1/users/u1/preview?budget=400000")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", TestTokens.bearer("admin1", Roles.ADMIN))
        .when()
        .get("/v1/users/nobody/preview?budget=400000")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
