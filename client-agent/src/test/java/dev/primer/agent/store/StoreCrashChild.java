package dev.primer.agent.store;

import dev.primer.protocol.manifest.ManifestEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A child process for {@link StoreCrashTest}: writes generation after generation into a store,
 * batch by batch, until killed. Prints "resume G missing N" when it picks up a staged generation.
 */
public final class StoreCrashChild {
  private StoreCrashChild() {}

  private static void pause() {
    try {
      Thread.sleep(15);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int lastGeneration = Integer.parseInt(args[1]);
    int records = Integer.parseInt(args[2]);
    try (LocalStore store = TestStore.open(dir)) {
      while (true) {
        long held = store.generation().map(GenerationInfo::generation).orElse(0L);
        if (held >= lastGeneration) {
          System.out.println("done " + held);
          return;
        }
        int g = (int) held + 1;
        if (store.stagedGeneration().map(s -> s.generation() == g).orElse(false)) {
          System.out.println("resume " + g + " missing " + store.missing().size());
        } else {
          store.stage(TestStore.info(g), TestStore.generation(g, records));
        }
        List<ManifestEntry> missing = store.missing();
        for (int i = 0; i < missing.size(); i += 50) {
          List<ManifestEntry> batch = missing.subList(i, Math.min(missing.size(), i + 50));
          store.insert(batch.stream().map(e -> TestStore.prepare(store, e)).toList());
          System.out.println("batch " + g + " " + i);
          System.out.flush();
          pause(); // a network fetch would take this long
        }
        store.commitStaged(true, Instant.now());
        System.out.println("committed " + g);
        System.out.flush();
      }
    }
  }
}
