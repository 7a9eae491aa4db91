package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.protocol.manifest.ManifestEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
  @TempDir Path dir;

  private static void fill(LocalStore store, List<ManifestEntry> entries) {
    store.insert(entries.stream().map(e -> TestStore.prepare(store, e)).toList());
  }

  @Test
  void stagedContentStaysInvisibleUntilTheCommit() {
    try (LocalStore store = TestStore.open(dir)) {
      List<ManifestEntry> g1 = TestStore.generation(1, 200);
      store.stage(TestStore.info(1), g1);
      fill(store, g1);
      assertThat(store.record(g1.get(0).recordId())).isEmpty();
      assertThat(store.search("pump seal", 5)).isEmpty();

      store.commitStaged(true, Instant.now());

      assertThat(store.record(g1.get(0).recordId())).isPresent();
      assertThat(store.generation().orElseThrow().generation()).isEqualTo(1);
      assertThat(store.complete()).isTrue();
      assertThat(store.manifestCounts()).containsExactly(g1.size(), g1.size());
    }
  }

  @Test
  @SuppressWarnings("try") // the first lock is only held
  void oneSyncAtATimeHoldsTheStore() {
    try (LocalStore first = TestStore.open(dir);
        LocalStore second = TestStore.open(dir)) {
      try (LocalStore.SyncLock held = first.lockForSync()) {
        assertThatThrownBy(second::lockForSync)
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("another sync is running on this store");
      }
      try (LocalStore.SyncLock released = second.lockForSync()) {
        assertThat(released).isNotNull();
      }
    }
  }

  @Test
  void commitEvictsWhatLeftTheManifestAndOldVersions() {
    try (LocalStore store = TestStore.open(dir)) {
      List<ManifestEntry> g1 = TestStore.generation(1, 200);
      store.stage(TestStore.info(1), g1);
      fill(store, g1);
      store.commitStaged(true, Instant.now());

      List<ManifestEntry> g2 = TestStore.generation(2, 200);
      store.stage(TestStore.info(2), g2);
      List<ManifestEntry> missing = store.missing();
      // Only records new to g2 or changed in g2 are missing; the rest is reused.
      assertThat(missing).hasSizeLessThan(g2.size() / 3);
      fill(store, missing);
      int evicted = store.commitStaged(true, Instant.now());

      assertThat(evicted).isGreaterThan(0);
      // r00008 was in generation 1 and leaves in generation 2 ((8 + 2) % 10 == 0).
      assertThat(store.record(TestStore.id(8))).isEmpty();
      assertThat(store.record(TestStore.id(7)).orElseThrow().version()).isEqualTo(3);
      assertThat(store.manifestCounts()).containsExactly(g2.size(), g2.size());
    }
  }

  @Test
  void aCutOffCommitShowsOnlyTheDownloadedPartOfTheNewGeneration() {
    try (LocalStore store = TestStore.open(dir)) {
      List<ManifestEntry> g1 = TestStore.generation(1, 100);
      store.stage(TestStore.info(1), g1);
      fill(store, g1.subList(0, 40));
      store.commitStaged(false, Instant.now());

      assertThat(store.complete()).isFalse();
      assertThat(store.manifestCounts()).containsExactly(g1.size(), 40);
      assertThat(store.record(g1.get(39).recordId())).isPresent();
      assertThat(store.record(g1.get(40).recordId())).isEmpty();
    }
  }

  @Test
  void searchRanksTitleMatchesFirstAndFindsContentWords() {
    try (LocalStore store = TestStore.open(dir)) {
      List<ManifestEntry> g1 = TestStore.generation(1, 300);
      store.stage(TestStore.info(1), g1);
      fill(store, g1);
      store.commitStaged(true, Instant.now());

      assertThat(store.search("Title record 42", 3).get(0).recordId()).isEqualTo(TestStore.id(42));
      // "5" is in record 5's title and content, and in the content of records at site or valve 5.
      List<SearchHit> fives = store.search("5", 10);
      assertThat(fives.get(0).recordId()).isEqualTo(TestStore.id(5));
      assertThat(fives.get(0).score()).isGreaterThan(fives.get(1).score());
      assertThat(fives).allSatisfy(h -> assertThat(h.score()).isPositive());
      // "warehouse w3" is in the content of every i % 5 == 3 record.
      assertThat(store.search("warehouse w3", 500))
          .isNotEmpty()
          .allSatisfy(
              h -> assertThat(Integer.parseInt(h.recordId().substring(1)) % 5).isEqualTo(3));
      assertThat(store.search("nonexistentword", 5)).isEmpty();
    }
  }

  @Test
  void theStoreFileHoldsNoReadableRecordText() throws Exception {
    String secret = "Zanzibar";
    try (LocalStore store = TestStore.open(dir)) {
      List<ManifestEntry> g1 = TestStore.generation(1, 50);
      ManifestEntry e = g1.get(3);
      ManifestEntry titled =
          new ManifestEntry(
              e.recordId(),
              e.version(),
              e.sizeBytes(),
              e.sha256(),
              e.tier(),
              e.score(),
              "appointment at " + secret,
              e.type(),
              "Quote for " + secret + " Pumps");
      store.stage(TestStore.info(1), List.of(titled));
      store.insert(List.of(TestStore.prepare(store, titled)));
      store.commitStaged(true, Instant.now());
      store.logAccess(
          AccessEvent.of(
              java.util.Optional.empty(), "2026-05-04T09:00:00Z", "miss", secret + " seal"));
      assertThat(store.record(titled.recordId()).orElseThrow().title()).contains(secret);
      assertThat(store.search(secret.toLowerCase(), 5)).hasSize(1);
    }
    // The readable text must be nowhere in the database, its WAL or the blob directory.
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f :
          files.filter(Files::isRegularFile).filter(f -> !f.endsWith("agent.key")).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes)
            .as(f.toString())
            .doesNotContainIgnoringCase(secret)
            .doesNotContain("pump seal");
      }
    }
  }

  @Test
  void verifyFindsDamagedContentAndRepairMakesItMissingAgain() throws Exception {
    List<ManifestEntry> g1 = TestStore.generation(1, 20);
    try (LocalStore store = TestStore.open(dir)) {
      store.stage(TestStore.info(1), g1);
      fill(store, g1);
      store.commitStaged(true, Instant.now());
      assertThat(StoreVerifier.verify(store).sound()).isTrue();
    }
    // Flip bytes inside one encrypted body, as disk damage would.
    try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
        var s = db.createStatement()) {
      s.executeUpdate(
          "UPDATE content SET body = zeroblob(length(body)) WHERE record_id = '"
              + g1.get(2).recordId()
              + "'");
    }
    try (LocalStore store = TestStore.open(dir)) {
      StoreVerifier.Report report = StoreVerifier.verify(store);
      assertThat(report.sound()).isFalse();
      assertThat(report.damaged()).singleElement().asString().startsWith(g1.get(2).recordId());
      store.dropContent(report.damagedContentIds());
      assertThat(StoreVerifier.verify(store).sound()).isTrue();
      assertThat(store.manifestCounts()).containsExactly(g1.size(), g1.size() - 1);
    }
  }

  @Test
  void accessEventsAreKeptUntilMarkedSent() {
    try (LocalStore store = TestStore.open(dir)) {
      AccessEvent hit =
          AccessEvent.of(java.util.Optional.of("r1"), "2026-05-04T09:00:00Z", "hit", "");
      AccessEvent blind =
          AccessEvent.of(java.util.Optional.empty(), "2026-05-04T09:01:00Z", "miss", "x");
      store.logAccess(hit);
      store.logAccess(blind);
      assertThat(store.unsentEvents())
          .extracting(AccessEvent::eventId)
          .containsExactly(hit.eventId(), blind.eventId());
      store.markSent(List.of(hit.eventId()));
      assertThat(store.unsentEvents())
          .extracting(AccessEvent::eventId)
          .containsExactly(blind.eventId());
      assertThat(store.accessCounts()).containsEntry("hit", 1L).containsEntry("miss", 1L);
    }
  }
}
