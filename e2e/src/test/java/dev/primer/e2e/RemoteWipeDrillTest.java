package dev.primer.e2e;

import static dev.primer.e2e.Drills.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hole 9 from the agent's side: a real agent keeps its own device token (never the user's JWT),
 * renews it before it expires, stops with one clear line when it has expired, and wipes its store
 * when an admin has revoked the device (remote wipe), in `sync` and in the daemon alike.
 */
class RemoteWipeDrillTest {
  private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WIPED =
      "primer agent: this device was revoked by an administrator; its local data has been wiped";

  /** A token lifetime of one hour: inside the agent's renewal window from the start. */
  private static ServiceProcess service;

  /** A token lifetime of three seconds, to see one expire. */
  private static ServiceProcess shortLived;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    service =
        ServiceProcess.start(
            "primer_e2e_wipe", NOW, Map.of("primer.devices.token-lifetime", "PT1H"));
    Drills.SmallOrg.load(new Http(service.url()));
    shortLived =
        ServiceProcess.start(
            "primer_e2e_wipe_short", NOW, Map.of("primer.devices.token-lifetime", "PT3S"));
    Drills.SmallOrg.load(new Http(shortLived.url()));
  }

  @AfterAll
  static void stop() {
    for (ServiceProcess s : new ServiceProcess[] {service, shortLived}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @Test
  void enrolmentKeepsTheDeviceTokenAndNotTheUsersToken() {
    Path home = tmp.resolve("keeps");
    enroll(home, service, "u1");

    JsonNode config = config(home);
    assertThat(config.path("token").asText()).startsWith("pdt_");
    assertThat(Instant.parse(config.path("tokenExpiresAt").asText())).isAfter(Instant.now());
    assertThat(read(home.resolve("config.json"))).doesNotContain(DevTokens.of("u1", "device"));
    Agents.run("sync", "--home", home.toString(), "--force", "--quiet").expectOk("sync");
  }

  @Test
  void aRevokedDeviceWipesItsStoreAtItsNextSync() throws IOException {
    Path home = tmp.resolve("revoked");
    enroll(home, service, "u1");
    Agents.run("sync", "--home", home.toString(), "--force", "--quiet").expectOk("sync");
    assertThat(home.resolve("store.db")).exists();
    assertThat(Agents.verify(home).complete()).isTrue();

    revoke(service, config(home).path("deviceId").asText());
    Agents.Run sync = Agents.run("sync", "--home", home.toString(), "--force", "--quiet");

    assertThat(sync.exit()).isNotZero();
    assertThat(sync.err().strip()).isEqualTo(WIPED);
    // Nothing of the store, its index, its blobs, its key or its token is left: only the marker.
    try (Stream<Path> left = Files.walk(home)) {
      assertThat(left.filter(p -> !p.equals(home)).map(p -> home.relativize(p).toString()))
          .containsExactly("revoked.json");
    }
    assertThat(read(home.resolve("revoked.json"))).doesNotContain("pdt_");
    Agents.Run status = Agents.run("status", "--home", home.toString());
    assertThat(status.exit()).isNotZero();
    assertThat(status.out() + status.err()).contains("revoked by an administrator", "wiped");
    Agents.Run search = Agents.run("search", "--home", home.toString(), "pump");
    assertThat(search.exit()).isNotZero();
    assertThat(search.err()).contains("revoked");
  }

  @Test
  void aRevokedDeviceStopsTheDaemonAndWipes() throws Exception {
    Path home = tmp.resolve("revoked-daemon");
    enroll(
        home,
        service,
        "u2",
        "--window",
        windowAroundNow(),
        "--jitter",
        "0",
        "--beacon",
        service.url() + "/q/health/ready");
    Agents.run("sync", "--home", home.toString(), "--force", "--quiet").expectOk("sync");
    revoke(service, config(home).path("deviceId").asText());

    Agents.Run daemon = daemon(home);

    assertThat(daemon.exit()).isNotZero();
    assertThat(daemon.err().strip()).isEqualTo(WIPED);
    assertThat(home.resolve("store.db")).doesNotExist();
    assertThat(home.resolve("agent.key")).doesNotExist();
    assertThat(home.resolve("blobs")).doesNotExist();
  }

  @Test
  void anExpiredTokenGivesOneClearLineAndNoRetries() throws Exception {
    Path home = tmp.resolve("expired");
    enroll(
        home,
        shortLived,
        "u1",
        "--window",
        windowAroundNow(),
        "--jitter",
        "0",
        "--beacon",
        shortLived.url() + "/q/health/ready");
    Instant expires = Instant.parse(config(home).path("tokenExpiresAt").asText());
    ServiceProcess.sleep(Duration.between(Instant.now(), expires).plusSeconds(2));

    Agents.Run sync = Agents.run("sync", "--home", home.toString(), "--force", "--quiet");

    assertThat(sync.exit()).isNotZero();
    List<String> lines = sync.err().strip().lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("primer agent: the device token expired on " + expires)
        .contains("enrol again: bin/primer agent enroll", "--server " + shortLived.url());
    // The store is the rep's to keep: an expired token is not a revoked device.
    assertThat(home.resolve("agent.key")).exists();

    Agents.Run daemon = daemon(home);
    assertThat(daemon.exit()).isNotZero();
    assertThat(daemon.err().strip().lines().toList()).hasSize(1);
    assertThat(daemon.out()).doesNotContain("retrying");

    // Enrolling again as the line says works, without --force.
    Agents.run(
            "enroll",
            "--home",
            home.toString(),
            "--server",
            shortLived.url(),
            "--token",
            DevTokens.of("u1", "device"),
            "--plain-key-file")
        .expectOk("enrol again");
  }

  @Test
  void aTokenInsideTheRenewalWindowIsRenewedBeforeTheSync() throws IOException {
    Path home = tmp.resolve("renewal");
    enroll(home, service, "u3");
    JsonNode before = config(home);
    String device = before.path("deviceId").asText();
    String oldToken = before.path("token").asText();

    Agents.Run sync =
        Agents.run("sync", "--home", home.toString(), "--force", "--quiet").expectOk("sync");

    JsonNode after = config(home);
    String newToken = after.path("token").asText();
    assertThat(newToken).startsWith("pdt_").isNotEqualTo(oldToken);
    assertThat(Instant.parse(after.path("tokenExpiresAt").asText()))
        .isAfterOrEqualTo(Instant.parse(before.path("tokenExpiresAt").asText()));
    assertThat(sync.err()).doesNotContain("warning");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("config.json"))))
        .isEqualTo("rw-------");
    assertThat(home.resolve("config.json.tmp")).doesNotExist();
    Http http = new Http(service.url());
    String manifest = "/v1/devices/" + device + "/manifest?budget=100000000";
    assertThat(http.get(manifest, newToken).status()).isEqualTo(200);
    // The old token keeps working a few minutes, for a renewal answer lost on the way.
    assertThat(http.get(manifest, oldToken).status()).isEqualTo(200);
  }

  private static void enroll(Path home, ServiceProcess on, String user, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "enroll",
                "--home",
                home.toString(),
                "--server",
                on.url(),
                "--token",
                DevTokens.of(user, "device"),
                "--name",
                home.getFileName().toString(),
                "--plain-key-file"));
    args.addAll(List.of(extra));
    Agents.run(args.toArray(String[]::new)).expectOk("enroll " + home);
  }

  private static void revoke(ServiceProcess on, String device) {
    ok(
        new Http(on.url())
            .send(
                "POST",
                "/v1/admin/devices/" + device + "/revoke",
                DevTokens.of("admin-1", "admin"),
                "",
                ""),
        "revoke");
  }

  /** Runs the daemon for one window; it must end by itself well within a minute. */
  private static Agents.Run daemon(Path home) throws Exception {
    CompletableFuture<Agents.Run> run =
        CompletableFuture.supplyAsync(
            () -> Agents.run("daemon", "--home", home.toString(), "--windows", "1"));
    return run.get(60, TimeUnit.SECONDS);
  }

  /** A sync window open from a minute ago to 30 minutes from now, local time. */
  private static String windowAroundNow() {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    LocalTime now = LocalTime.now();
    return now.minusMinutes(1).format(hhmm) + "-" + now.plusMinutes(30).format(hhmm);
  }

  private static JsonNode config(Path home) {
    try {
      return JSON.readTree(home.resolve("config.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
