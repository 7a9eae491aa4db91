package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.protocol.manifest.ManifestEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLayoutTest {
  @TempDir Path dir;

  private static void sync(LocalStore store, int generation, List<ManifestEntry> entries) {
    store.stage(TestStore.info(generation), entries);
    store.insert(store.missing().stream().map(e -> TestStore.prepare(store, e)).toList());
    store.commitStaged(true, Instant.now());
  }

  private void writeOneGeneration() {
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1, TestStore.generation(1, 10));
    }
  }

  private Connection raw() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Puts the content table back as layout 0 had it: unique on (record_id, sha256). */
  private void downgradeToLayoutZero() throws SQLException {
    try (Connection db = raw();
        Statement s = db.createStatement()) {
      s.execute("BEGIN");
      s.execute(
          "CREATE TABLE content_old (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL,"
              + " sha256 TEXT NOT NULL, version INTEGER NOT NULL, account_id TEXT NOT NULL,"
              + " type TEXT NOT NULL, updated_at TEXT NOT NULL, size_bytes INTEGER NOT NULL,"
              + " title BLOB NOT NULL, body BLOB NOT NULL, blob INTEGER NOT NULL,"
              + " related BLOB NOT NULL, UNIQUE (record_id, sha256))");
      s.execute("INSERT INTO content_old SELECT * FROM content");
      s.execute("DROP TABLE content");
      s.execute("ALTER TABLE content_old RENAME TO content");
      s.execute("PRAGMA user_version = 0");
      s.execute("COMMIT");
    }
  }

  @Test
  void aStoreOfTheEarlierLayoutKeepsItsRecordsAndSearchAfterTheUpgrade() throws Exception {
    List<ManifestEntry> g1 = TestStore.generation(1, 120);
    List<String> idsBefore;
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1, g1);
      store.awaitSearchIndex();
    }
    downgradeToLayoutZero();
    try (Connection db = raw();
        Statement s = db.createStatement()) {
      idsBefore = strings(s, "SELECT id || ':' || record_id FROM content ORDER BY id");
      assertThat(strings(s, "PRAGMA index_list(content)"))
          .isNotEmpty(); // the unique index of layout 0
    }

    try (LocalStore upgraded = TestStore.open(dir)) {
      assertThat(upgraded.generation()).isPresent();
    }
    try (Connection db = raw();
        Statement s = db.createStatement()) {
      assertThat(strings(s, "PRAGMA user_version")).containsExactly("3");
      assertThat(strings(s, "SELECT name FROM pragma_index_list('content')"))
          .containsExactly("content_record");
      // Content ids are kept: the search index refers to them.
      assertThat(strings(s, "SELECT id || ':' || record_id FROM content ORDER BY id"))
          .isEqualTo(idsBefore);
    }

    try (LocalStore store = TestStore.open(dir)) {
      assertThat(store.manifestCounts()).containsExactly(g1.size(), g1.size());
      assertThat(store.search("Title record 42", 3).get(0).recordId()).isEqualTo(TestStore.id(42));
      assertThat(StoreVerifier.verify(store).sound()).isTrue();
      // It syncs on: changed records go in beside the old versions, which the commit evicts.
      List<ManifestEntry> g2 = TestStore.generation(2, 120);
      sync(store, 2, g2);
      assertThat(store.manifestCounts()).containsExactly(g2.size(), g2.size());
      assertThat(store.record(TestStore.id(7)).orElseThrow().version()).isEqualTo(3);
      assertThat(StoreVerifier.verify(store).sound()).isTrue();
    }
  }

  @Test
  void aLayoutOneStoreKeepsItsRecordsAndTakesEditsAfterTheUpgrade() throws Exception {
    List<ManifestEntry> g1 = TestStore.generation(1, 60);
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1, g1);
      store.awaitSearchIndex();
    }
    // Layout 1 is layout 2 without the fields and the outbox.
    try (Connection db = raw();
        Statement s = db.createStatement()) {
      s.execute("DROP TABLE record_fields");
      s.execute("DROP TABLE edit_ops");
      s.execute("PRAGMA user_version = 1");
    }

    try (LocalStore store = TestStore.open(dir)) {
      assertThat(store.manifestCounts()).containsExactly(g1.size(), g1.size());
      assertThat(store.search("Title record 42", 3).get(0).recordId()).isEqualTo(TestStore.id(42));
      assertThat(StoreVerifier.verify(store).sound()).isTrue();
      // Every held record's fields are stale, so the next sync fetches them once.
      store.stage(TestStore.info(2), g1);
      assertThat(store.staleFields()).hasSize(g1.size());
      store.appendEdit(
          seq -> EditOutboxTest.op(seq, "op-a", TestStore.id(1), "phone", "1"), Instant.now());
      assertThat(store.overlays(TestStore.id(1))).hasSize(1);
    }
    try (Connection db = raw();
        Statement s = db.createStatement()) {
      assertThat(strings(s, "PRAGMA user_version")).containsExactly("3");
    }
  }

  @Test
  void aStoreWrittenByANewerAgentIsRefusedWithTheReason() throws Exception {
    writeOneGeneration();
    try (Connection db = raw();
        Statement s = db.createStatement()) {
      s.execute("PRAGMA user_version = " + (StoreSchema.LAYOUT + 1));
    }
    assertThatThrownBy(() -> TestStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasRootCauseMessage(
            "the store was written by a newer agent (layout 4; this agent knows up to 3)");
  }

  @Test
  void aNewStoreIsCreatedAtTheCurrentLayout() throws Exception {
    writeOneGeneration();
    try (Connection db = raw();
        Statement s = db.createStatement()) {
      assertThat(strings(s, "PRAGMA user_version"))
          .containsExactly(String.valueOf(StoreSchema.LAYOUT));
      assertThat(strings(s, "SELECT name FROM pragma_index_list('content')"))
          .containsExactly("content_record");
    }
  }
}
