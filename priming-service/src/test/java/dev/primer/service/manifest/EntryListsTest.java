package dev.primer.service.manifest;

import static dev.primer.service.manifest.DeviceCalls.enrol;
import static dev.primer.service.manifest.DeviceCalls.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.primer.service.content.BlobStore;
import dev.primer.service.selection.SelectionStore;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.service.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class EntryListsTest {
  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;
  @Inject EntryLists lists;
  @Inject SelectionStore selections;

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
  }

  @Test
  void aListIsStoredOnceForItsSelectionAndEveryDeviceGivenIt() throws Exception {
    String first = enrol("u1");
    String second = enrol("u1");
    manifest("u1", first, "budget=25001").then().statusCode(200);
    manifest("u1", second, "budget=25001").then().statusCode(200);
    String hash = newestHash(first);
    awaitStored(hash);

    assertThat(newestHash(second)).isEqualTo(hash);
    assertThat(count("SELECT count(*) FROM entry_lists WHERE content_hash = ?", hash)).isOne();
    assertThat(count("SELECT count(*) FROM selections WHERE content_hash = ?", hash)).isOne();
    assertThat(
            count(
                "SELECT count(*) FROM manifest_generations WHERE content_hash = ?"
                    + " AND entries IS NULL",
                hash))
        .as("generations refer to the list instead of holding a copy")
        .isEqualTo(2);
  }

  @Test
  void aDeltaAgainstAGenerationWhoseListIsLostIsTheFullManifest() throws Exception {
    String device = enrol("u1");
    manifest("u1", device, "budget=20001").then().statusCode(200);
    String lost = newestHash(device);
    awaitStored(lost);
    manifest("u1", device, "budget=60001").then().statusCode(200);
    execute("DELETE FROM entry_lists WHERE content_hash = ?", lost);

    Response r = manifest("u1", device, "budget=60001&since=1");

    r.then().statusCode(200).body("full", equalTo(true)).body("generation", equalTo(2));
    assertThat(r.jsonPath().getList("entries")).isNotEmpty();
  }

  @Test
  void listsUnusedForADayAndReferredToByNothingArePruned() throws Exception {
    execute("DELETE FROM selections WHERE user_id = 'prune-test'");
    insertList("old-unused", "2 days");
    insertList("old-used", "2 days");
    insertList("new-unused", "1 minute");
    execute(
        "INSERT INTO selections (user_id, day, budget, model_id, data_version, selector, note,"
            + " bytes, entries, content_hash, built_at, build_ms)"
            + " VALUES ('prune-test', '2999-01-01', 1, '', '', 'test', '', 0, NULL, ?, now(), 0)",
        "old-used");

    selections.pruneBefore(LocalDate.parse("2000-01-01"));

    assertThat(remaining("old-unused", "old-used", "new-unused"))
        .containsExactlyInAnyOrder("old-used", "new-unused");
    execute("DELETE FROM selections WHERE user_id = 'prune-test'");
  }

  private void insertList(String hash, String age) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO entry_lists (content_hash, entries, stored_at)"
                    + " VALUES (?, '\\x00', now() - ?::interval)"
                    + " ON CONFLICT (content_hash) DO UPDATE SET stored_at = excluded.stored_at")) {
      s.setString(1, hash);
      s.setString(2, age);
      s.executeUpdate();
    }
  }

  private List<String> remaining(String... hashes) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT content_hash FROM entry_lists WHERE content_hash = ANY(?)")) {
      s.setArray(1, c.createArrayOf("text", hashes));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private String newestHash(String device) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT content_hash FROM manifest_generations WHERE device_id = ?"
                    + " ORDER BY generation DESC LIMIT 1")) {
      s.setString(1, device);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("device %s has a generation", device).isTrue();
        return rs.getString(1);
      }
    }
  }

  /** Waits for the selection writer, which stores an on-demand list after the answer. */
  private void awaitStored(String hash) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (lists.isPending(hash)
        || count("SELECT count(*) FROM entry_lists WHERE content_hash = ?", hash) == 0) {
      assertThat(System.nanoTime()).as("list %s stored within 10 s", hash).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private long count(String sql, String arg) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void execute(String sql, String... args) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }
}
