package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault drill: an agent killed with SIGKILL at 50 random instants of a sync always resumes to a
 * consistent, complete store ({@link PostgresRestartDrillTest} restarts the database instead).
 */
class FaultDrillTest {
  private static final int KILLS = 50;
  private static Drills.GeneratedOrg org;
  private static ServiceProcess service;
  private static Path homes;

  @BeforeAll
  static void start() throws Exception {
    org = Drills.GeneratedOrg.generate(7);
    service = org.serve("primer_e2e_fault", Map.of());
    homes = Files.createDirectories(Repo.root().resolve("e2e/target/agents/fault"));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void anAgentKilledAtFiftyRandomInstantsAlwaysResumesToAConsistentCompleteStore()
      throws Exception {
    SplittableRandom random = new SplittableRandom(50);
    String user = org.users().get(0);
    // The instants are drawn up front, so the drill is the same whichever lane runs a kill first.
    int[] sleeps = new int[KILLS];
    for (int i = 0; i < KILLS; i++) {
      // JVM start-up takes ~0.4 s of this; the rest lands anywhere in the download.
      sleeps[i] = 300 + random.nextInt(2500);
    }
    // Two kills run side by side (their own homes, one service): the drill is about where a kill
    // lands, and one at a time this class took 162 s of CI time (two: 119 s).
    ExecutorService lanes = Executors.newFixedThreadPool(2);
    List<Future<KillOutcome>> kills = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      int kill = i;
      kills.add(lanes.submit(() -> killAndResume(kill, user, sleeps[kill])));
    }
    int midSync = 0;
    List<String> failures = new ArrayList<>();
    for (Future<KillOutcome> f : kills) {
      KillOutcome o = f.get();
      if (o.midSync()) {
        midSync++;
      }
      o.failure().ifPresent(failures::add);
    }
    lanes.shutdown();
    System.out.printf(
        "fault drill: %d kills (%d during a running sync), %d stores inconsistent or incomplete"
            + " after resuming%n",
        KILLS, midSync, failures.size());
    assertThat(failures).isEmpty();
    assertThat(midSync).as("kills that hit a running sync").isGreaterThanOrEqualTo(KILLS / 2);
  }

  /** Whether a kill hit a running sync, and what was wrong after it, if anything. */
  private record KillOutcome(boolean midSync, Optional<String> failure) {}

  private static KillOutcome killAndResume(int i, String user, int sleepMillis) throws Exception {
    Path home = homes.resolve("kill-" + i);
    Repo.deleteTree(home);
    Agents.enroll(home, service.url(), user, "256MiB");
    Process sync = Agents.startSyncProcess(home, homes.resolve("kill-" + i + ".log"));
    Thread.sleep(sleepMillis);
    boolean wasRunning = sync.isAlive();
    sync.destroyForcibly();
    sync.waitFor(30, TimeUnit.SECONDS);

    Agents.Verified afterKill = Agents.verify(home);
    Agents.Run resume = Agents.run("sync", "--home", home.toString(), "--force", "--quiet");
    Agents.Verified afterResume = Agents.verify(home);
    Optional<String> failure = Optional.empty();
    if (!afterKill.sound() || resume.exit() != 0 || !afterResume.complete()) {
      failure =
          Optional.of(
              "kill "
                  + i
                  + ": after kill "
                  + afterKill.report()
                  + "; resume "
                  + resume.exit()
                  + " "
                  + resume.err()
                  + "; after resume "
                  + afterResume.report());
    }
    Repo.deleteTree(home);
    return new KillOutcome(wasRunning, failure);
  }
}
