package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationsTest {
  @TempDir Path dir;

  private Connection db;
  private Jdbc jdbc;
  private final AtomicInteger evictions = new AtomicInteger();
  private Generations generations;

  @BeforeEach
  void openSchemaOnly() throws SQLException {
    db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
    try (Statement s = db.createStatement()) {
      StoreSchema.migrate(s);
    }
    jdbc = new Jdbc(db);
    generations =
        new Generations(
            jdbc, new StoreMeta(jdbc), new FieldCipher(new byte[32]), evictions::incrementAndGet);
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private static ManifestEntry entry(String id, String sha, long size) {
    return new ManifestEntry(
        id, 1, size, sha, Tier.PREDICTED, 0.5, "test", "contact", "Title " + id);
  }

  /** A content row for (record, sha), as a verified download leaves it. */
  private void holdContent(long id, String recordId, String sha) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(
          "INSERT INTO content VALUES ("
              + id
              + ", '"
              + recordId
              + "', '"
              + sha
              + "', 1, 'a1', 'contact', '2026-05-01T00:00:00Z', 10, x'01', x'02', 0, x'03')");
    }
  }

  private List<String> ids(List<ManifestEntry> entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.recordId()));
    return out;
  }

  @Test
  void missingListsStagedEntriesWithoutContentOfTheirHashInPriorityOrder() throws Exception {
    holdContent(1, "r2", "sha-r2");
    holdContent(2, "r4", "sha-r4-old"); // an older version: the staged one is still missing

    generations.stage(
        TestStore.info(1),
        List.of(
            entry("r5", "sha-r5", 500),
            entry("r2", "sha-r2", 200),
            entry("r4", "sha-r4", 400),
            entry("r1", "sha-r1", 100)));

    assertThat(ids(generations.missing())).containsExactly("r5", "r4", "r1");
    assertThat(generations.stagedBytesPresent()).isEqualTo(200);
    assertThat(generations.missing().get(0).title()).isEqualTo("Title r5");
  }

  @Test
  void stagingAgainReplacesTheEarlierStagedManifest() {
    generations.stage(TestStore.info(1), List.of(entry("r1", "a", 1), entry("r2", "b", 1)));
    generations.stage(TestStore.info(2), List.of(entry("r3", "c", 1)));

    assertThat(ids(generations.stagedManifest())).containsExactly("r3");
    assertThat(generations.staged().orElseThrow().generation()).isEqualTo(2);
    assertThat(generations.committed()).isEmpty();
  }

  @Test
  void commitSwitchesManifestAndPointerAndQueuesEvictedContentForTheIndex() throws Exception {
    holdContent(1, "r1", "sha-r1");
    holdContent(2, "r2", "sha-r2-old");
    holdContent(3, "r2", "sha-r2");
    generations.stage(
        TestStore.info(7), List.of(entry("r2", "sha-r2", 20), entry("r3", "sha-r3", 30)));

    int evicted = generations.commitStaged(false, Instant.parse("2026-05-04T02:00:00Z"));

    assertThat(evicted).isEqualTo(2); // r1 left the manifest; r2's old version was replaced
    assertThat(evictions).hasValue(1);
    assertThat(jdbc.query("SELECT id FROM content", List.of(), rs -> rs.getLong(1)))
        .containsExactly(3L);
    assertThat(jdbc.query("SELECT id FROM unindex ORDER BY id", List.of(), rs -> rs.getLong(1)))
        .containsExactly(1L, 2L);
    assertThat(ids(generations.manifest())).containsExactly("r2", "r3");
    assertThat(generations.stagedManifest()).isEmpty();
    assertThat(generations.staged()).isEmpty();
    assertThat(generations.committed().orElseThrow()).isEqualTo(TestStore.info(7));
    assertThat(generations.complete()).isFalse();
  }

  @Test
  void aCommitThatEvictsNothingDoesNotWakeTheIndex() {
    generations.stage(TestStore.info(1), List.of(entry("r1", "a", 1)));
    generations.commitStaged(true, Instant.parse("2026-05-04T02:00:00Z"));

    assertThat(evictions).hasValue(0);
    assertThat(generations.complete()).isTrue();
  }

  @Test
  void committingWithNothingStagedIsRefused() {
    assertThatThrownBy(() -> generations.commitStaged(true, Instant.now()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("nothing staged to commit");
  }
}
