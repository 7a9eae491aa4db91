package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.protocol.manifest.ManifestEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
  private static final int RECORDS = 300;

  @TempDir Path dir;

  private static void sync(LocalStore store, int g) {
    List<ManifestEntry> target = TestStore.generation(g, RECORDS);
    store.stage(TestStore.info(g), target);
    store.insert(store.missing().stream().map(e -> TestStore.prepare(store, e)).toList());
    store.commitStaged(true, Instant.now());
  }

  private long indexedEntries() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + SearchIndex.fileFor(dir.resolve("store.db")));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM fts")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long contentRows(LocalStore store) {
    return store.visibleEntries().size();
  }

  @Test
  void aSyncedStoreIsSearchableOnceTheIndexCaughtUp() {
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1);
      store.awaitSearchIndex();

      assertThat(store.searchIndexBehind()).isZero();
      // Every record's text says "service report"; the manifest leaves a tenth out.
      assertThat(store.search("service report", RECORDS)).hasSize((int) contentRows(store));
    }
  }

  @Test
  void aLostIndexFileIsRebuiltFromTheStore() throws Exception {
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1);
    }
    Path index = SearchIndex.fileFor(dir.resolve("store.db"));
    Files.delete(index);
    Files.deleteIfExists(index.resolveSibling(index.getFileName() + "-wal"));
    Files.deleteIfExists(index.resolveSibling(index.getFileName() + "-shm"));

    try (LocalStore store = TestStore.open(dir)) {
      long visible = contentRows(store);
      assertThat(store.searchIndexBehind()).isEqualTo(visible);

      assertThat(store.search("service report", RECORDS)).hasSize((int) visible);
      assertThat(store.searchIndexBehind()).isZero();
    }
  }

  @Test
  void aDamagedIndexFileIsBuiltAgain() throws Exception {
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1);
    }
    Path index = SearchIndex.fileFor(dir.resolve("store.db"));
    Files.write(index, "not a database, not at all: a torn file".repeat(200).getBytes());
    Files.deleteIfExists(index.resolveSibling(index.getFileName() + "-wal"));

    try (LocalStore store = TestStore.open(dir)) {
      assertThat(store.search("service report", RECORDS)).hasSize((int) contentRows(store));
    }
  }

  @Test
  void contentThatLeftTheStoreLeavesTheIndex() throws Exception {
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1);
      sync(store, 2);
      store.awaitSearchIndex();

      assertThat(store.searchIndexBehind()).isZero();
      assertThat(indexedEntries()).isEqualTo(contentRows(store));
      // r00008 left in generation 2 ((8 + 2) % 10 == 0); its words find nothing any more.
      assertThat(store.search("Title of record 8", RECORDS))
          .extracting(SearchHit::recordId)
          .doesNotContain(TestStore.id(8));
    }
  }

  @Test
  void contentIdsAreNeverReusedAfterTheNewestContentLeaves() {
    List<ManifestEntry> all = TestStore.generation(1, RECORDS);
    long newestBefore;
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1);
      newestBefore = newestContentId(store);
      // Generation 2 drops the five records that went in last: the newest content ids leave.
      store.stage(TestStore.info(2), all.subList(0, all.size() - 5));
      store.commitStaged(true, Instant.now());
      store.awaitSearchIndex();
      assertThat(newestContentId(store)).isLessThan(newestBefore);
    }
    try (LocalStore store = TestStore.open(dir)) {
      store.stage(TestStore.info(3), all);
      store.insert(store.missing().stream().map(e -> TestStore.prepare(store, e)).toList());
      store.commitStaged(true, Instant.now());

      assertThat(newestContentId(store)).isEqualTo(newestBefore + 5);
      assertThat(store.search("service report", RECORDS)).hasSize(all.size());
    }
  }

  private static long newestContentId(LocalStore store) {
    return store.visibleEntries().stream().mapToLong(VisibleEntry::contentId).max().orElseThrow();
  }

  @Test
  void aStoreFromBeforeTheIndexFileGetsItsIndexBuilt() throws Exception {
    try (LocalStore store = TestStore.open(dir)) {
      sync(store, 1);
    }
    // Layout 0: the index inside the store file, no index file.
    Path storeFile = dir.resolve("store.db");
    Files.delete(SearchIndex.fileFor(storeFile));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storeFile);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', contentless_delete=1)");
      s.execute("PRAGMA user_version = 0");
    }

    try (LocalStore store = TestStore.open(dir)) {
      assertThat(store.search("pump seal", RECORDS)).hasSize((int) contentRows(store));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storeFile);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'fts'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }
}
