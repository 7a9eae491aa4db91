package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The database fault drill: PostgreSQL restarted during a sync loses nothing, and both the service
 * and the agent recover.
 */
@Isolated("it restarts the PostgreSQL cluster every drill uses")
class PostgresRestartDrillTest {
  private static Drills.GeneratedOrg org;
  private static ServiceProcess service;
  private static Path homes;

  @BeforeAll
  static void start() throws Exception {
    org = Drills.GeneratedOrg.generate(7);
    service = org.serve("primer_e2e_pgrestart", Map.of());
    homes = Files.createDirectories(Repo.root().resolve("e2e/target/agents/pg-restart"));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void postgresRestartedDuringASyncLosesNothingAndBothSidesRecover() throws Exception {
    String countAll =
        "select (select count(*) from users) || '/' || (select count(*) from records) || '/'"
            + " || (select count(*) from interactions) || '/' || (select count(*) from devices)";
    Path home = homes.resolve("home");
    Repo.deleteTree(home);
    Agents.enroll(home, service.url(), org.users().get(1), "256MiB");
    String before = Postgres.psql(service.database(), countAll).trim();

    Process sync = Agents.startSyncProcess(home, homes.resolve("sync.log"));
    Thread.sleep(900);
    Postgres.restartCluster();
    boolean finishedAlone = sync.waitFor(120, TimeUnit.SECONDS);
    if (!finishedAlone) {
      sync.destroyForcibly().waitFor();
    }
    ServiceProcess.sleep(Duration.ofSeconds(1));

    Http http = new Http(service.url());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (http.get("/q/health/ready", "").status() != 200 && System.nanoTime() < deadline) {
      ServiceProcess.sleep(Duration.ofMillis(500));
    }
    Agents.Run again = Agents.run("sync", "--home", home.toString(), "--force", "--quiet");
    Agents.Verified verified = Agents.verify(home);
    String after = Postgres.psql(service.database(), countAll).trim();

    System.out.printf(
        "postgres drill: first sync exit %d across the restart, second sync exit %d; store: %s"
            + "; rows users/records/interactions/devices before %s, after %s%n",
        finishedAlone ? sync.exitValue() : -1,
        again.exit(),
        verified.report().trim(),
        before,
        after);
    assertThat(http.get("/q/health/ready", "").status()).isEqualTo(200);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(verified.complete()).as(verified.report()).isTrue();
    assertThat(after).isEqualTo(before);
  }
}
