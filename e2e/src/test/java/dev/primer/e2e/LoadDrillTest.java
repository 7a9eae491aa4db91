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
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The load drill: 200 device agents sync against one service at the same time, without error. */
@Isolated("its 200 agents need the machine's cores")
class LoadDrillTest {
  private static final int AGENTS = 200;
  private static final long BUDGET = 1L << 20;
  private static final String CONNECT_TIMEOUT = "primer.agent.connect-timeout";

  @Test
  void twoHundredAgentsSyncAtOnceWithZeroErrors() throws Exception {
    Drills.GeneratedOrg org = Drills.GeneratedOrg.generate(7);
    // The 200 agents share this JVM's 2 cores: their HTTP clients' selector threads, not the
    // service (at under 5% CPU meanwhile), made a few connections wait past the agent's 10 s.
    System.setProperty(CONNECT_TIMEOUT, "60s");
    // 1 MiB devices: the drill is about 200 at once, not about volume (the agent bench is); at
    // 4 MiB the 200 syncs alone took 78 s of CI time.
    try (ServiceProcess service =
        org.serve(
            "primer_e2e_load", Map.of("primer.precompute.default-budget", Long.toString(BUDGET)))) {
      Path homes = Files.createDirectories(Repo.root().resolve("e2e/target/agents/load"));
      List<Path> agents = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
      // Enrolled four at a time: set-up, not the drill, and on 2 cores one at a time took 20 s.
      List<Future<?>> enrolments = new ArrayList<>();
      Semaphore fourAtATime = new Semaphore(4);
      for (int i = 0; i < AGENTS; i++) {
        Path home = homes.resolve(String.format("device-%03d", i));
        String user = org.users().get(i % org.users().size());
        agents.add(home);
        enrolments.add(
            pool.submit(
                () -> {
                  fourAtATime.acquireUninterruptibly();
                  try {
                    Repo.deleteTree(home);
                    Agents.enroll(home, service.url(), user, Long.toString(BUDGET));
                  } finally {
                    fourAtATime.release();
                  }
                }));
      }
      for (Future<?> f : enrolments) {
        f.get();
      }

      long start = System.nanoTime();
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Path home : agents) {
        futures.add(pool.submit(() -> syncOnce(home, service.url())));
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
          errors.add(
              agents.get(i).getFileName()
                  + ": exit "
                  + o.run().exit()
                  + " "
                  + o.run().out()
                  + o.run().err()
                  + " "
                  + v.report());
        }
        records += v.onDevice();
      }
      double[] seconds = outcomes.stream().mapToDouble(Outcome::seconds).sorted().toArray();
      double[] manifestMs =
          outcomes.stream().mapToDouble(Outcome::manifestMillis).sorted().toArray();
      System.out.printf(
          "load drill: %d agents synced at once in %.1f s, %,d records in all, %d errors;"
              + " sync time p50 %.2f s, p99 %.2f s; manifest latency under that load p50 %.0f ms,"
              + " p99 %.0f ms%n",
          AGENTS,
          wall,
          records,
          errors.size(),
          p(seconds, 0.5),
          p(seconds, 0.99),
          p(manifestMs, 0.5),
          p(manifestMs, 0.99));
      assertThat(errors).isEmpty();
      assertThat(records).isGreaterThan(0);
    } finally {
      System.clearProperty(CONNECT_TIMEOUT);
    }
  }

  private record Outcome(Agents.Run run, double seconds, double manifestMillis) {}

  /**
   * One device's night: its manifest asked for and timed (as the agent will ask), then the sync.
   */
  private static Outcome syncOnce(Path home, String server) throws java.io.IOException {
    var config =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(home.resolve("config.json").toFile());
    long m0 = System.nanoTime();
    Http.Answer manifest =
        new Http(server)
            .get(
                "/v1/devices/" + config.path("deviceId").asText() + "/manifest?budget=" + BUDGET,
                config.path("token").asText());
    double manifestMillis = (System.nanoTime() - m0) / 1e6;
    if (manifest.status() != 200) {
      return new Outcome(new Agents.Run(1, "", "manifest " + manifest.status()), 0, manifestMillis);
    }
    long t0 = System.nanoTime();
    Agents.Run run = Agents.run("sync", "--home", home.toString(), "--force", "--quiet");
    return new Outcome(run, (System.nanoTime() - t0) / 1e9, manifestMillis);
  }

  private static double p(double[] sorted, double q) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)];
  }
}
