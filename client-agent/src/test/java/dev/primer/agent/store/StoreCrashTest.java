package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.protocol.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a child JVM that writes generations into a store at many random instants, and
 * checks after every kill that the store shows exactly one whole generation and resumes the staged
 * one without rewriting what was already stored.
 */
class StoreCrashTest {
  private static final int RECORDS = 3000;
  private static final int GENERATIONS = 12;
  private static final int KILLS = 16;

  @TempDir Path dir;

  @Test
  void aKilledWriterLeavesOneWholeGenerationAndResumes() throws Exception {
    Random random = new Random(42);
    int kills = 0;
    int resumes = 0;
    for (int round = 0; round < KILLS; round++) {
      long missingBefore = stagedMissing();
      Process child = start();
      // Kill after a random number of stored batches plus a random few milliseconds, so kills
      // land between batches, inside a batch's transaction and inside a commit.
      int batches = 1 + random.nextInt(40);
      while (child.isAlive() && batchesLogged() < batches) {
        Thread.sleep(2);
      }
      Thread.sleep(random.nextInt(20));
      boolean finished = child.waitFor(1, TimeUnit.MILLISECONDS);
      if (!finished) {
        child.destroyForcibly().waitFor();
        kills++;
      }
      String out = java.nio.file.Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
      for (String line : out.lines().toList()) {
        if (line.startsWith("resume ")) {
          // The child resumed with exactly what the last run left missing: nothing stored twice.
          assertThat(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
              .isEqualTo(missingBefore);
          resumes++;
        }
      }
      assertConsistent();
      if (out.contains("done " + GENERATIONS)) {
        break;
      }
    }
    Process last = start();
    assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertConsistent();
    try (LocalStore store = TestStore.open(dir)) {
      assertThat(store.generation().orElseThrow().generation()).isEqualTo(GENERATIONS);
      assertThat(StoreVerifier.verify(store).visible())
          .isEqualTo(TestStore.generation(GENERATIONS, RECORDS).size());
    }
    assertThat(kills).as("kills that hit a running writer").isGreaterThanOrEqualTo(5);
    assertThat(resumes).as("runs that resumed a staged generation").isGreaterThanOrEqualTo(4);
  }

  private long batchesLogged() throws IOException {
    Path log = dir.resolve("child.log");
    if (!java.nio.file.Files.exists(log)) {
      return 0;
    }
    return java.nio.file.Files.readString(log, StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith("batch "))
        .count();
  }

  private long stagedMissing() {
    try (LocalStore store = TestStore.open(dir)) {
      return store.stagedGeneration().isPresent() ? store.missing().size() : -1;
    }
  }

  private Process start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            StoreCrashChild.class.getName(),
            dir.toString(),
            Integer.toString(GENERATIONS),
            Integer.toString(RECORDS))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  /** The store shows generation G exactly (all of it, verified), and any staged one exactly. */
  private void assertConsistent() {
    try (LocalStore store = TestStore.open(dir)) {
      assertThat(store.integrityCheck()).isEqualTo("ok");
      Optional<GenerationInfo> g = store.generation();
      if (g.isEmpty()) {
        assertThat(store.manifest()).isEmpty();
        assertThat(store.manifestCounts()[1]).isZero();
      } else {
        List<ManifestEntry> expected = TestStore.generation((int) g.get().generation(), RECORDS);
        assertThat(store.manifest()).isEqualTo(expected);
        assertThat(store.complete()).isTrue();
        StoreVerifier.Report report = StoreVerifier.verify(store);
        assertThat(report.damaged()).isEmpty();
        assertThat(report.visible()).isEqualTo(expected.size());
        // Nothing of another generation is visible: every visible record is the manifest's version.
        assertThat(store.search("service report", RECORDS * 2)).hasSize(expected.size());
      }
      store
          .stagedGeneration()
          .ifPresent(
              s ->
                  assertThat(store.stagedManifest())
                      .isEqualTo(TestStore.generation((int) s.generation(), RECORDS)));
    }
  }
}
