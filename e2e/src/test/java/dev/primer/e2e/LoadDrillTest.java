package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The load drill: 200 device agents sync against one service at the same time, without error. */
class LoadDrillTest {
  private static final int AGENTS = 200;
  private static final long BUDGET = 32L << 20;

  @Test
  void twoHundredAgentsSyncAtOnceWithZeroErrors() throws Exception {
    Drills.GeneratedOrg org = Drills.GeneratedOrg.generate(7);
    // 32 MiB devices: the drill is about 200 at once, not about volume (the agent bench is).
    try (ServiceProcess service =
        ServiceProcess.start(
            "primer_e2e_load",
            org.night(),
            Map.of("primer.precompute.default-budget", Long.toString(BUDGET)))) {
      org.push(service);
      org.precompute(service);
      Path homes = Files.createDirectories(Repo.root().resolve("e2e/target/agents/load"));
      List<Path> agents = new ArrayList<>();
      for (int i = 0; i < AGENTS; i++) {
        Path home = homes.resolve(String.format("device-%03d", i));
        deleteTree(home);
        Agents.enroll(home, service.url(), org.users().get(i % org.users().size()), Long.toString(BUDGET));
        agents.add(home);
      }

      ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
      long start = System.nanoTime();
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Path home : agents) {
        futures.add(pool.submit(() -> syncOnce(home)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      double wall = (System.nanoTime() - start) / 1e9;
      pool.shutdown();

      List<String> errors = new ArrayList<>();
      long records = 0;
      for (int i = 0; i < outcomes.size(); i++) {
        Outcome o = outcomes.get(i);
        Agents.Verified v = Agents.verify(agents.get(i));
        if (o.run().exit() != 0 || !v.complete()) {
          errors.add(agents.get(i).getFileName() + ": " + o.run().err() + " " + v.report());
        }
        records += v.onDevice();
      }
      double[] seconds = outcomes.stream().mapToDouble(Outcome::seconds).sorted().toArray();
      String metrics = new Http(service.url()).get("/q/metrics", "").body();
      System.out.printf(
          "load drill: %d agents synced at once in %.1f s, %,d records in all, %d errors;"
              + " sync time p50 %.2f s, p99 %.2f s; manifest build p50 %s ms, p99 %s ms"
              + " (service's primer.manifest.build)%n",
          AGENTS,
          wall,
          records,
          errors.size(),
          seconds[seconds.length / 2],
          seconds[(int) Math.ceil(seconds.length * 0.99) - 1],
          quantileMs(metrics, "0.5"),
          quantileMs(metrics, "0.99"));
      assertThat(errors).isEmpty();
      assertThat(records).isGreaterThan(0);
    }
  }

  private record Outcome(Agents.Run run, double seconds) {}

  private static Outcome syncOnce(Path home) {
    long t0 = System.nanoTime();
    Agents.Run run = Agents.run("sync", "--home", home.toString(), "--force", "--quiet");
    return new Outcome(run, (System.nanoTime() - t0) / 1e9);
  }

  /** A quantile of the service's manifest timer from its Prometheus page, in milliseconds. */
  private static String quantileMs(String metrics, String quantile) {
    Matcher m =
        Pattern.compile(
                "(?m)^primer_manifest_build_seconds\\{[^}]*quantile=\""
                    + Pattern.quote(quantile)
                    + "\"[^}]*} ([0-9.eE+-]+)$")
            .matcher(metrics);
    return m.find() ? String.format("%.1f", Double.parseDouble(m.group(1)) * 1000) : "n/a";
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
