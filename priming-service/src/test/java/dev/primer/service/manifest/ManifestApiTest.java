package dev.primer.service.manifest;

import static dev.primer.service.manifest.DeviceCalls.enrol;
import static dev.primer.service.manifest.DeviceCalls.manifest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.manifest.ManifestDelta;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobStore;
import dev.primer.service.data.OrgDataChanges;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class ManifestApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;
  @Inject OrgDataChanges changes;

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
  }

  static List<ManifestEntry> entries(Response r, String path) throws IOException {
    return JSON.convertValue(
        r.jsonPath().getList(path), new TypeReference<List<ManifestEntry>>() {});
  }

  /** The lines of an NDJSON answer, each parsed as a JSON object. */
  private static List<Map<String, Object>> ndjson(String body) throws IOException {
    List<Map<String, Object>> lines = new java.util.ArrayList<>();
    for (String line : body.lines().toList()) {
      lines.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
    }
    return lines;
  }

  @Test
  void enrolmentAnswers201WithLocation() {
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .contentType("application/json")
        .body("{\"name\": \"tablet\", \"platform\": \"android\"}")
        .when()
        .post("/v1/devices")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.containsString("/v1/devices/d-"))
        .body("userId", equalTo("u1"))
        .body("platform", equalTo("android"));
  }

  @Test
  void enrolmentWithoutNameIsAProblemNamingIt() {
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .contentType("application/json")
        .body("{\"platform\": \"linux\"}")
        .when()
        .post("/v1/devices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("name"));
  }

  @Test
  void fallbackManifestStaysWithinBudgetAndListsOnlyRecordsWithContent() throws IOException {
    String device = enrol("u1");
    Response r = manifest("u1", device, "budget=20000");
    r.then().statusCode(200);
    List<ManifestEntry> entries = entries(r, "entries");
    assertThat(r.jsonPath().getString("selector")).isEqualTo("fallback:territory");
    assertThat(r.jsonPath().getString("note")).contains("no model is active");
    assertThat(r.jsonPath().getString("day")).isEqualTo("2026-03-02");
    assertThat(r.jsonPath().getBoolean("full")).isTrue();
    assertThat(entries).isNotEmpty();
    long bytes = entries.stream().mapToLong(ManifestEntry::sizeBytes).sum();
    assertThat(bytes).isLessThanOrEqualTo(20000).isEqualTo(r.jsonPath().getLong("bytes"));
    assertThat(entries).extracting(ManifestEntry::recordId).doesNotContain("r-a1-nocontent");
    assertThat(entries).allSatisfy(e -> assertThat(e.sha256()).hasSize(64));
    // The account outside the territory is not selected by the territory baseline.
    assertThat(entries).extracting(ManifestEntry::recordId).noneMatch(id -> id.startsWith("r-a5"));
  }

  @Test
  void sameContentKeepsItsGenerationAndIfNoneMatchGives304() {
    String device = enrol("u1");
    Response first = manifest("u1", device, "budget=30000");
    Response second = manifest("u1", device, "budget=30000");
    assertThat(second.jsonPath().getLong("generation"))
        .isEqualTo(first.jsonPath().getLong("generation"))
        .isEqualTo(1);
    String etag = first.header("ETag");
    assertThat(etag).startsWith("\"1-");
    assertThat(first.jsonPath().getString("etag")).isEqualTo(etag);
    assertThat(notModified("u1", device, "budget=30000", etag).header("ETag")).isEqualTo(etag);
  }

  /** The manifest asked for with If-None-Match {@code etag}; fails unless the answer is 304. */
  private static Response notModified(String user, String device, String query, String etag) {
    return given()
        .header("Authorization", TestTokens.bearer(user, Roles.DEVICE))
        .header("If-None-Match", etag)
        .when()
        .get("/v1/devices/" + device + "/manifest?" + query)
        .then()
        .statusCode(304)
        .extract()
        .response();
  }

  @Test
  void everyManifestAnswerSaysInServerTimingHowLongItsBuildTook() {
    String device = enrol("u1");
    Response first = manifest("u1", device, "budget=30000");
    Response notModified = notModified("u1", device, "budget=30000", first.header("ETag"));

    for (String timing :
        List.of(first.header("Server-Timing"), notModified.header("Server-Timing"))) {
      assertThat(timing).matches("build;dur=\\d+\\.\\d{2}");
      assertThat(Double.parseDouble(timing.substring("build;dur=".length())))
          .isGreaterThan(0)
          .isLessThan(60_000);
    }
  }

  @Test
  void deltasAppliedToTheOldManifestGiveTheNewOne() throws IOException {
    String device = enrol("u1");
    Response g1 = manifest("u1", device, "budget=20000");
    Response g2full = manifest("u1", device, "budget=60000");
    assertThat(g2full.jsonPath().getLong("generation")).isEqualTo(2);
    Response delta = manifest("u1", device, "budget=60000&since=1");
    delta.then().statusCode(200).body("full", equalTo(false)).body("since", equalTo(1));
    ManifestDelta d =
        new ManifestDelta(
            entries(delta, "added"),
            entries(delta, "changed"),
            delta.jsonPath().getList("removed", String.class),
            delta.jsonPath().getList("order", String.class));
    assertThat(d.added()).isNotEmpty();
    assertThat(d.applyTo(entries(g1, "entries"))).isEqualTo(entries(g2full, "entries"));
    // And back: a smaller budget removes entries.
    Response back = manifest("u1", device, "budget=20000&since=2");
    assertThat(back.jsonPath().getLong("generation")).isEqualTo(3);
    ManifestDelta d2 =
        new ManifestDelta(
            entries(back, "added"),
            entries(back, "changed"),
            back.jsonPath().getList("removed", String.class),
            back.jsonPath().getList("order", String.class));
    assertThat(d2.removed()).isNotEmpty();
    assertThat(d2.applyTo(entries(g2full, "entries"))).isEqualTo(entries(g1, "entries"));
  }

  @Test
  void unknownSinceGivesTheFullManifest() throws IOException {
    String device = enrol("u1");
    Response r = manifest("u1", device, "budget=20000&since=999");
    r.then().statusCode(200).body("full", equalTo(true)).body("since", equalTo(999));
    assertThat(entries(r, "entries")).isNotEmpty();
  }

  @Test
  void badBudgetsAreProblemsNamingBudget() {
    String device = enrol("u1");
    for (String q : List.of("budget=-5", "budget=abc", "x=1", "budget=99999999999999")) {
      manifest("u1", device, q)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("https://primer.dev/problems/invalid-budget"))
          .body("errors[0].field", equalTo("budget"));
    }
    manifest("u1", device, "budget=100&since=x")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("since"));
  }

  @Test
  void anotherUsersDeviceIs403AndAnUnknownOne404() {
    String device = enrol("u1");
    manifest("u3", device, "budget=20000")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    manifest("u3", "d-nope", "budget=20000").then().statusCode(404);
    given()
        .header("Authorization", TestTokens.bearer("u3", Roles.DEVICE))
        .contentType("application/json")
        .body("{\"ids\": [\"r-a1-contact\"]}")
        .when()
        .post("/v1/devices/" + device + "/records:fetch")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.ADMIN))
        .when()
        .get("/v1/devices/" + device + "/manifest?budget=100")
        .then()
        .statusCode(403);
  }

  @Test
  void fetchStreamsRecordsInRequestOrderWithErrorLinesAndGzip() throws IOException {
    String device = enrol("u1");
    List<ManifestEntry> entries = entries(manifest("u1", device, "budget=400000"), "entries");
    List<String> ids = entries.stream().map(ManifestEntry::recordId).toList();
    assertThat(ids).contains("r-a1-schematic", "r-a1-contact");
    List<String> asked =
        List.of("r-a1-schematic", "r-a5-contact", "r-a1-contact", "r-a1-nocontent");
    byte[] body =
        given()
            .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
            .header("Accept-Encoding", "gzip")
            .contentType("application/json")
            .body(Map.of("ids", asked))
            .when()
            .post("/v1/devices/" + device + "/records:fetch")
            .then()
            .statusCode(200)
            .header("Content-Encoding", "gzip")
            .contentType("application/x-ndjson")
            .extract()
            .asByteArray();
    // rest-assured may or may not have inflated it already.
    byte[] plain =
        body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b
            ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes()
            : body;
    List<Map<String, Object>> lines = ndjson(new String(plain, StandardCharsets.UTF_8));
    assertThat(lines).extracting(l -> l.get("id")).containsExactlyElementsOf(asked);
    assertThat(lines.get(0))
        .containsEntry("blob", Fixture.largeSha())
        .doesNotContainKey("contentBase64");
    assertThat(lines.get(1)).containsEntry("error", "not available to this device");
    String text =
        new String(
            Base64.getDecoder().decode((String) lines.get(2).get("contentBase64")),
            StandardCharsets.UTF_8);
    assertThat(text).startsWith("contact of account 1");
    assertThat(lines.get(3)).containsKey("error");
  }

  @Test
  void fetchLongerThanOneDatabaseChunkAnswersEveryIdInOrder() throws IOException {
    String device = enrol("u1");
    List<String> held =
        entries(manifest("u1", device, "budget=400000"), "entries").stream()
            .map(ManifestEntry::recordId)
            .toList();
    // Repeats and foreign ids spread over several chunks of the streamer's reads.
    List<String> asked = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      asked.add(i % 7 == 0 ? "r-foreign-" + i : held.get(i % held.size()));
    }
    String body =
        given()
            .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
            .contentType("application/json")
            .body(Map.of("ids", asked))
            .when()
            .post("/v1/devices/" + device + "/records:fetch")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<Map<String, Object>> lines = ndjson(body);
    assertThat(lines).extracting(l -> l.get("id")).containsExactlyElementsOf(asked);
    for (int i = 0; i < lines.size(); i++) {
      if (asked.get(i).startsWith("r-foreign-")) {
        assertThat(lines.get(i)).containsEntry("error", "not available to this device");
      } else {
        assertThat(lines.get(i)).containsKey("sha256");
      }
    }
  }

  @Test
  void fetchRefusesMoreThanAThousandIds() {
    String device = enrol("u1");
    List<String> ids = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> "r" + i).toList();
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .contentType("application/json")
        .body(Map.of("ids", ids))
        .when()
        .post("/v1/devices/" + device + "/records:fetch")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("ids"));
  }

  @Test
  void territoryChangeShowsInTheNextManifestWithoutRestart() throws Exception {
    String device = enrol("u2");
    Response before = manifest("u2", device, "budget=400000");
    before.then().statusCode(200);
    assertThat(before.jsonPath().getList("entries")).isEmpty();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = db.getConnection()) {
                Fixture.exec(c, "INSERT INTO user_territories VALUES ('u2', 'T1')");
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
              changes.changed("user-territories");
            });
    List<?> after = List.of();
    for (int i = 0; i < 100 && after.isEmpty(); i++) {
      Thread.sleep(100);
      after = manifest("u2", device, "budget=400000").jsonPath().getList("entries");
    }
    assertThat(after).isNotEmpty();
  }

  @Test
  void recordWhoseContentArrivesLaterJoinsTheNextManifest() throws Exception {
    String integrator = TestTokens.bearer("loader", Roles.INTEGRATOR);
    given()
        .header("Authorization", integrator)
        .contentType("application/x-ndjson")
        .body(
            ("{\"id\":\"r-a4-late\",\"accountId\":\"a4\",\"type\":\"contact\","
                    + "\"title\":\"Late\",\"sizeBytes\":7,\"version\":1,"
                    + "\"updatedAt\":\"2026-02-01T00:00:00Z\"}\n")
                .getBytes(StandardCharsets.UTF_8))
        .post("/v1/import/records")
        .then()
        .statusCode(200)
        .body("rejectedTotal", equalTo(0));
    String device = enrol("u1");
    snapshots.refreshNow();
    assertThat(entries(manifest("u1", device, "budget=1000000"), "entries"))
        .extracting(ManifestEntry::recordId)
        .isNotEmpty()
        .doesNotContain("r-a4-late");

    given()
        .header("Authorization", integrator)
        .contentType("application/octet-stream")
        .body("arrived".getBytes(StandardCharsets.UTF_8))
        .put("/v1/records/r-a4-late/content")
        .then()
        .statusCode(200);
    // No restart and no precompute: the content upload alone brings the record in.
    List<String> after = List.of();
    for (int i = 0; i < 100 && !after.contains("r-a4-late"); i++) {
      Thread.sleep(100);
      after =
          entries(manifest("u1", device, "budget=1000000"), "entries").stream()
              .map(ManifestEntry::recordId)
              .toList();
    }
    assertThat(after).contains("r-a4-late");
  }

  @Test
  void aRefreshWithoutChangedDataKeepsTheSnapshot() {
    var held = snapshots.refreshNow();
    assertThat(snapshots.refreshIfChanged()).isSameAs(held);
    changes.changed("territories");
    assertThat(snapshots.refreshIfChanged()).isNotSameAs(held);
  }
}
