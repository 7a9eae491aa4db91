package dev.primer.service.precompute;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobStore;
import dev.primer.service.manifest.Fixture;
import dev.primer.service.manifest.ManifestTestProfile;
import dev.primer.service.selection.SelectionStore;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class PrecomputeTest {
  private static final LocalDate DAY = LocalDate.parse("2026-03-02");

  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;
  @Inject PrecomputeService precompute;
  @Inject PrecomputeRuns runs;
  @Inject SelectionStore store;
  @Inject MeterRegistry meters;

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
  }

  @Test
  void aRunCutShortResumesWithTheUsersThatAreLeft() throws Exception {
    // A run that stopped after u1: u1 is done, u2 and u3 are not (as if the service restarted).
    long run = runs.create("schedule", List.of("u1", "u2", "u3"), java.time.Instant.now());
    runs.done(run, "u1", 12345, Optional.empty(), java.time.Instant.now());
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM selections")) {
      s.executeUpdate();
    }

    // A selection of a day long past, left from an earlier run.
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO selections (user_id, day, budget, model_id, data_version, selector,"
                    + " note, bytes, entries, content_hash, built_at, build_ms)"
                    + " VALUES ('u1', ?, 1, '', '', 'old', '', 0, '\\x00', 'x', now(), 0)")) {
      s.setObject(1, DAY.minusDays(3));
      s.executeUpdate();
    }

    OptionalLong resumed = precompute.resumeUnfinished();

    assertThat(resumed).hasValue(run);
    assertThat(selectionsOf("u1", DAY.minusDays(3))).as("past days are deleted").isZero();
    assertThat(runs.pending(run)).isEmpty();
    assertThat(runs.unfinished()).isEmpty();
    // Only the users that were left were computed: u1 keeps its recorded time and has no selection.
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT build_ms FROM precompute_progress WHERE run_id = ? AND user_id = 'u1'")) {
      s.setLong(1, run);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(12345);
      }
    }
    assertThat(selectionsOf("u1")).isZero();
    assertThat(selectionsOf("u2")).isPositive();
    assertThat(selectionsOf("u3")).isPositive();
  }

  private int selectionsOf(String user) throws Exception {
    return selectionsOf(user, DAY);
  }

  private int selectionsOf(String user, LocalDate day) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM selections WHERE user_id = ? AND day = ?")) {
      s.setString(1, user);
      s.setObject(2, day);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void adminStartsARunAndManifestsUseItsSelections() throws Exception {
    String device = dev.primer.service.manifest.DeviceCalls.enrol("u3");
    dev.primer.service.manifest.DeviceCalls.manifest("u3", device, "budget=50000")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", TestTokens.bearer("admin1", Roles.ADMIN))
        .when()
        .post("/v1/admin/precompute")
        .then()
        .statusCode(202);
    Response status = null;
    for (int i = 0; i < 200; i++) {
      status =
          given()
              .header("Authorization", TestTokens.bearer("admin1", Roles.ADMIN))
              .when()
              .get("/v1/admin/precompute");
      if (status.jsonPath().getString("state").equals("finished")
          && status.jsonPath().getString("trigger").equals("admin")) {
        break;
      }
      Thread.sleep(50);
    }
    status.then().body("state", equalTo("finished")).body("usersFailed", equalTo(0));
    assertThat(status.jsonPath().getInt("usersDone")).isEqualTo(status.jsonPath().getInt("users"));
    // The device's budget was computed ahead, so its manifest computes nothing.
    assertThat(store.find("u3", DAY, 50000L)).isPresent();
    long computed = meters.get("primer.selection.compute").timer().count();
    dev.primer.service.manifest.DeviceCalls.manifest("u3", device, "budget=50000")
        .then()
        .statusCode(200);
    assertThat(meters.get("primer.selection.compute").timer().count()).isEqualTo(computed);
    // A budget nobody computed ahead is computed on demand.
    dev.primer.service.manifest.DeviceCalls.manifest("u3", device, "budget=50001")
        .then()
        .statusCode(200);
    assertThat(meters.get("primer.selection.compute").timer().count()).isEqualTo(computed + 1);
    given()
        .header("Authorization", TestTokens.bearer("u3", Roles.DEVICE))
        .when()
        .post("/v1/admin/precompute")
        .then()
        .statusCode(403);
  }
}
