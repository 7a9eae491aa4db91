package dev.primer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.agent.cli.AgentCli;
import dev.primer.agent.cli.AgentContext;
import dev.primer.agent.config.AgentHome;
import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.crypto.StoreKey;
import dev.primer.agent.policy.WifiOnly;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.StoreVerifier;
import dev.primer.protocol.manifest.ManifestEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The agent against the real priming-service (child process) and real PostgreSQL. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentServiceTest {
  private static final Path WORK = Path.of("target", "agent-it").toAbsolutePath();
  private static ServiceHarness service;
  private static final OrgFixture ORG = new OrgFixture();

  @TempDir Path tmp;

  private static final AgentContext OFFICE =
      new AgentContext(
          new WifiOnly(Optional.of("acme-corp")),
          Clock.fixed(Instant.parse("2026-05-04T09:00:00Z"), ZoneOffset.UTC));
  private static final AgentContext CAFE =
      new AgentContext(new WifiOnly(Optional.of("cafe")), OFFICE.clock());

  @BeforeAll
  static void startService() throws Exception {
    Files.createDirectories(WORK);
    try (Stream<Path> old = Files.walk(WORK)) {
      old.sorted(java.util.Comparator.reverseOrder())
          .filter(p -> !p.equals(WORK))
          .forEach(p -> p.toFile().delete());
    }
    ServiceHarness.ensureDatabase();
    service = new ServiceHarness(WORK);
    service.start(true); // Flyway clean + migrate
    service.stop();
    try (Connection c = ServiceHarness.db()) {
      ORG.seed(c, service);
    }
    service.start(false);
  }

  @AfterAll
  static void stopService() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  /** Output, errors and exit code of one CLI run. */
  record Run(int code, String out, String err) {}

  private static Run cli(AgentContext context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AgentCli.run(context, args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path enroll(String user, String... extra) throws Exception {
    Path home = tmp.resolve("agent-" + user);
    List<String> args =
        new ArrayList<>(
            List.of(
                "enroll",
                "--home",
                home.toString(),
                "--server",
                service.url(),
                "--token",
                service.token(user, "device"),
                "--ssid",
                "acme-corp",
                "--disk-reserve",
                "1MiB",
                "--plain-key-file"));
    args.addAll(List.of(extra));
    Run r = cli(OFFICE, args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("enrolled device");
    return home;
  }

  private static LocalStore open(Path home) {
    AgentHome h = new AgentHome(home);
    StoreKey key = StoreKey.loadOrCreate(h.keyFile());
    return LocalStore.open(
        h.storeFile(),
        h.blobDir(),
        new FieldCipher(key.encryptionKey()),
        new SearchTokens(key.tokenKey()));
  }

  /** Every visible record's content equals the service's, and verify finds nothing wrong. */
  private static void assertMatchesService(LocalStore store) {
    StoreVerifier.Report report = StoreVerifier.verify(store);
    assertThat(report.damaged()).isEmpty();
    assertThat(report.integrity()).isEqualTo("ok");
    for (ManifestEntry e : store.manifest()) {
      assertThat(e.sha256()).isEqualTo(ORG.sha.get(e.recordId()));
    }
  }

  @Test
  @Order(1)
  void enrolsSyncsAndServesSearchAndShowOffline() throws Exception {
    Path home = enroll("u1", "--batch-size", "200");

    Run sync = cli(OFFICE, "sync", "--home", home.toString());

    assertThat(sync.code()).as(sync.err() + sync.out()).isZero();
    assertThat(sync.out()).contains("sync complete");
    try (LocalStore store = open(home)) {
      long[] counts = store.manifestCounts();
      assertThat(counts[0]).isGreaterThan(100).isEqualTo(counts[1]);
      assertMatchesService(store);
      assertThat(store.manifest()).anyMatch(e -> e.recordId().endsWith("schematic"));
    }
    String someId;
    try (LocalStore store = open(home)) {
      someId =
          store.manifest().stream()
              .filter(e -> !e.recordId().endsWith("schematic"))
              .findFirst()
              .orElseThrow()
              .recordId();
    }
    String code = OrgFixture.uniqueCode(someId);
    Run search = cli(OFFICE, "search", "--home", home.toString(), code);
    assertThat(search.code()).as(search.err()).isZero();
    assertThat(search.out().lines().findFirst().orElseThrow()).startsWith(someId);

    Run show = cli(OFFICE, "show", "--home", home.toString(), someId);
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains(someId).contains("Technician replaced the");

    Path out = tmp.resolve("schematic.bin");
    String schematic = ORG.schematics.get("T1").get(0);
    assertThat(
            cli(OFFICE, "show", "--home", home.toString(), schematic, "--out", out.toString())
                .code())
        .isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(ORG.content.get(schematic));

    Run miss = cli(OFFICE, "show", "--home", home.toString(), "r-T2-a0-1");
    assertThat(miss.code()).isEqualTo(1);
    assertThat(miss.err()).contains("r-T2-a0-1 is not on this device");

    Run several = cli(OFFICE, "show", "--home", home.toString(), someId, "r-T2-a0-1", someId);
    assertThat(several.code()).as("one of the three is missing").isEqualTo(1);
    assertThat(several.out().split("(?m)^" + someId + "  ", -1)).as("printed twice").hasSize(3);
    assertThat(several.err().lines())
        .containsExactly("agent show: r-T2-a0-1 is not on this device");

    Run again = cli(OFFICE, "sync", "--home", home.toString());
    assertThat(again.out()).contains("up to date");

    Run status = cli(OFFICE, "status", "--home", home.toString());
    assertThat(status.out()).contains("complete").contains("service-history").contains("hit rate");
    assertThat(cli(OFFICE, "verify", "--home", home.toString()).code()).isZero();
  }

  @Test
  @Order(2)
  void theStoreHoldsNoReadableRecordText() throws Exception {
    Path home = enroll("u1", "--force");
    assertThat(cli(OFFICE, "sync", "--home", home.toString(), "--quiet").code()).isZero();
    String id;
    try (LocalStore store = open(home)) {
      id =
          store.manifest().stream()
              .filter(e -> !e.recordId().endsWith("schematic"))
              .findFirst()
              .orElseThrow()
              .recordId();
    }
    String code = OrgFixture.uniqueCode(id);
    assertThat(new String(ORG.content.get(id), StandardCharsets.UTF_8)).contains(code);
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f :
          files.filter(Files::isRegularFile).filter(f -> !f.endsWith("agent.key")).toList()) {
        String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(raw)
            .as(f.toString())
            .doesNotContain(code)
            .doesNotContain("Technician replaced")
            .doesNotContain("Report 1 of");
      }
    }
  }

  @Test
  @Order(3)
  void outsideTheOfficeSyncSaysWhyAndExitsZeroAndForceOverrides() throws Exception {
    Path home = enroll("u3");
    Run run = cli(CAFE, "sync", "--home", home.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("not syncing").contains("'cafe' is not allowed");
    try (LocalStore store = open(home)) {
      assertThat(store.generation()).isEmpty();
    }
    Run forced = cli(CAFE, "sync", "--home", home.toString(), "--force", "--quiet");
    assertThat(forced.code()).as(forced.err()).isZero();
    try (LocalStore store = open(home)) {
      assertThat(store.generation()).isPresent();
    }
  }

  @Test
  @Order(4)
  void aTightBudgetKeepsTheDeviceUnderIt() throws Exception {
    long budget = 300_000;
    Path home = enroll("u4", "--budget", Long.toString(budget));
    assertThat(cli(OFFICE, "sync", "--home", home.toString(), "--quiet").code()).isZero();
    try (LocalStore store = open(home)) {
      long bytes = store.visibleByType().values().stream().mapToLong(v -> v[1]).sum();
      assertThat(bytes).isPositive().isLessThanOrEqualTo(budget);
      assertMatchesService(store);
    }
  }

  @Test
  @Order(5)
  void killedAtManyPointsTheStoreStaysConsistentAndTheNextSyncResumes() throws Exception {
    Path home = enroll("u1", "--batch-size", "25");
    Random random = new Random(5);
    int killedMidway = 0;
    for (int round = 0; round < 10; round++) {
      Process child = startSync(home);
      // From JVM start-up to the end of a sync, which takes one to two seconds here.
      Thread.sleep(300 + random.nextInt(900));
      if (child.isAlive()) {
        child.destroyForcibly().waitFor();
        killedMidway++;
      }
      try (LocalStore store = open(home)) {
        assertThat(store.integrityCheck()).isEqualTo("ok");
        if (store.generation().isPresent()) {
          // Either the whole generation is visible, or nothing (a kill never commits a mix).
          assertThat(store.complete()).isTrue();
          long[] counts = store.manifestCounts();
          assertThat(counts[1]).isEqualTo(counts[0]);
          assertMatchesService(store);
          break;
        } else {
          assertThat(store.manifestCounts()[1]).isZero();
        }
      }
    }
    assertThat(killedMidway).isGreaterThanOrEqualTo(2);
    Run finish = cli(OFFICE, "sync", "--home", home.toString(), "--quiet");
    assertThat(finish.code()).as(finish.err()).isZero();
    try (LocalStore store = open(home)) {
      assertThat(store.complete()).isTrue();
      assertMatchesService(store);
    }
  }

  private Process startSync(Path home) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            AgentCli.class.getName(),
            "sync",
            "--home",
            home.toString(),
            "--force",
            "--quiet")
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  @Test
  @Order(6)
  void telemetryIsDeliveredOnceAndOnlyOnce() throws Exception {
    Path home = enroll("u4", "--force");
    assertThat(cli(OFFICE, "sync", "--home", home.toString(), "--quiet").code()).isZero();
    List<String> ids;
    try (LocalStore store = open(home)) {
      ids =
          store.manifest().stream()
              .map(ManifestEntry::recordId)
              .filter(r -> !r.endsWith("schematic"))
              .limit(3)
              .toList();
    }
    // Three events on three records: two on one record at the same instant would be one
    // interaction.
    String otherCode = OrgFixture.uniqueCode(ids.get(1));
    cli(OFFICE, "show", "--home", home.toString(), ids.get(0));
    // A record of the device's manifest: the service refuses events on records the device was
    // never entitled to (such as another territory's), so those would not count here.
    cli(OFFICE, "show", "--home", home.toString(), ids.get(2));
    assertThat(cli(OFFICE, "search", "--home", home.toString(), otherCode).out())
        .startsWith(ids.get(1));
    long before = telemetryRows("u4");

    Run first = cli(OFFICE, "sync", "--home", home.toString(), "--quiet");
    assertThat(first.out()).contains("3 events sent");
    assertThat(telemetryRows("u4")).isEqualTo(before + 3);

    Run second = cli(OFFICE, "sync", "--home", home.toString(), "--quiet");
    assertThat(second.out()).contains("0 events sent");
    // As if the first answer had been lost: the same events go again and are stored once.
    try (Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("store.db"));
        var s = c.createStatement()) {
      s.executeUpdate("UPDATE access_events SET sent = 0");
    }
    cli(OFFICE, "sync", "--home", home.toString(), "--quiet");
    assertThat(telemetryRows("u4")).isEqualTo(before + 3);
  }

  private static long telemetryRows(String user) throws Exception {
    try (Connection c = ServiceHarness.db();
        var s =
            c.prepareStatement(
                "SELECT count(*) FROM interactions WHERE user_id = ? AND source = 'telemetry'")) {
      s.setString(1, user);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  @Order(7)
  void aBlobThatDoesNotMatchItsHashIsRefused() throws Exception {
    Path home = enroll("u3", "--force");
    String schematic = ORG.schematics.get("T3").get(1);
    Path file = service.blobFile(ORG.sha.get(schematic));
    byte[] original = Files.readAllBytes(file);
    byte[] damaged = original.clone();
    damaged[damaged.length / 2] ^= 0x01;
    Files.write(file, damaged);
    try {
      Run run = cli(OFFICE, "sync", "--home", home.toString(), "--quiet");
      assertThat(run.code()).isEqualTo(1);
      assertThat(run.out()).contains("refused 1").contains(schematic);
      try (LocalStore store = open(home)) {
        assertThat(store.record(schematic)).isEmpty();
        assertThat(StoreVerifier.verify(store).damaged()).isEmpty();
      }
    } finally {
      Files.write(file, original);
    }
    Run repaired = cli(OFFICE, "sync", "--home", home.toString(), "--quiet");
    assertThat(repaired.code()).as(repaired.out()).isZero();
    try (LocalStore store = open(home)) {
      assertThat(store.record(schematic)).isPresent();
    }
  }

  @Test
  @Order(8)
  void aDeltaSyncMovesOnlyWhatChangedAndEvictsWhatLeft() throws Exception {
    Path home = enroll("u2");
    Run full = cli(OFFICE, "sync", "--home", home.toString(), "--quiet");
    assertThat(full.code()).isZero();
    long fullWire = wire(full.out());
    List<String> changed;
    String gone;
    try (Connection c = ServiceHarness.db()) {
      changed = ORG.change(c, "T2", 3);
      gone = "r-T2-a9-5";
      OrgFixture.exec(c, "DELETE FROM interactions WHERE record_id = ?", gone);
      OrgFixture.exec(c, "DELETE FROM records WHERE id = ?", gone);
    }
    service.restart();

    Run delta = cli(OFFICE, "sync", "--home", home.toString(), "--quiet");

    assertThat(delta.code()).as(delta.err()).isZero();
    // Evicted: the record that left, and the old versions of the changed ones.
    assertThat(delta.out()).contains("sync complete").contains("evicted " + (changed.size() + 1));
    // 1% of the user's records changed: the delta moves at most 3% of a full sync's bytes.
    long deltaWire = wire(delta.out());
    System.out.printf(
        "delta after 1%% changed: %d bytes vs full sync %d bytes (%.2f%%)%n",
        deltaWire, fullWire, 100.0 * deltaWire / fullWire);
    assertThat(deltaWire).isLessThanOrEqualTo(fullWire * 3 / 100);
    try (LocalStore store = open(home)) {
      assertThat(store.record(changed.get(0)).orElseThrow().version()).isEqualTo(2);
      assertThat(store.record(gone)).isEmpty();
      assertMatchesService(store);
    }
  }

  @Test
  @Order(10)
  void editsGoUpAtOnceComeBackDecidedAndAResentBatchChangesNothing() throws Exception {
    Path home = enroll("u2");
    assertThat(cli(OFFICE, "sync", "--home", home.toString()).code()).isZero();
    String contact;
    String account;
    try (LocalStore store = open(home)) {
      ManifestEntry e =
          store.manifest().stream()
              .filter(m -> m.type().equals("contact"))
              .findFirst()
              .orElseThrow();
      contact = e.recordId();
      account = store.record(contact).orElseThrow().accountId();
    }

    // An edit is uploaded right away when the service answers, and its overlay dropped once the
    // record came back with the receipt's version.
    Run edit = cli(CAFE, "edit", "--home", home.toString(), contact, "--set", "phone=+1 555 0101");
    assertThat(edit.code()).as(edit.err()).isZero();
    java.util.regex.Matcher op =
        java.util.regex.Pattern.compile("queued ([0-9a-f-]{36}) \\(seq 1\\): " + contact + " phone")
            .matcher(edit.out().strip());
    assertThat(op.matches()).as(edit.out()).isTrue();
    assertThat(edit.err()).contains("uploaded: sent 1 edit: 1 applied; fetched 1 record");

    Run create =
        cli(
            CAFE,
            "create",
            "--home",
            home.toString(),
            "--type",
            "contact",
            "--account",
            account,
            "--set",
            "name=Met on site");
    assertThat(create.code()).as(create.err()).isZero();
    assertThat(create.err()).contains("1 applied");
    String newId = create.out().replaceAll("(?s).*create (new-[0-9a-f-]{36}).*", "$1").strip();

    try (LocalStore store = open(home)) {
      assertThat(store.overlays()).isEmpty();
      assertThat(store.fields(contact).orElseThrow().field("phone").orElseThrow().value())
          .isEqualTo("+1 555 0101");
      assertThat(store.fields(newId).orElseThrow().field("name").orElseThrow().value())
          .isEqualTo("Met on site");
      assertThat(store.meta()).containsKey(dev.primer.agent.edits.EditUploader.CLOCK_OFFSET);

      // The answer lost: the same batch again gets the same receipts and changes nothing.
      dev.primer.agent.store.OutboxEntry sent = store.edit(op.group(1)).orElseThrow();
      dev.primer.agent.config.AgentConfig config = new AgentHome(home).config();
      dev.primer.agent.sync.ServiceClient client =
          new dev.primer.agent.sync.ServiceClient(
              config.server(),
              config.token(),
              dev.primer.agent.trust.Transport.of(config.insecureHttp(), config.pinSha256()));
      dev.primer.protocol.edits.EditReceipts again =
          client.edits(
              config.deviceId(), new dev.primer.protocol.edits.EditBatch(0, 0, List.of(sent.op())));
      dev.primer.protocol.edits.EditReceipt first = sent.receipt().orElseThrow();
      assertThat(again.receipts()).hasSize(1);
      assertThat(again.receipts().get(0).outcome()).isEqualTo(first.outcome());
      assertThat(again.receipts().get(0).recordVersion()).isEqualTo(first.recordVersion());
      client.fetch(
          config.deviceId(),
          List.of(contact),
          line -> assertThat(line.version()).isEqualTo(first.recordVersion()));
    }

    Run show = cli(CAFE, "show", "--home", home.toString(), contact, "--json");
    assertThat(show.out()).contains("\"phone\":\"+1 555 0101\"").contains("\"pending\":[]");
    Run pending = cli(CAFE, "pending", "--home", home.toString(), "--json");
    assertThat(pending.out()).contains("\"state\":\"applied\"").doesNotContain("\"pending\"");
  }

  @Test
  @Order(9)
  void theDeviceUsesItsOwnTokenAndARevokedDeviceIsWipedAtItsNextSync() throws Exception {
    Path home = enroll("u3");
    String config = Files.readString(home.resolve("config.json"));
    assertThat(config).contains("\"token\" : \"pdt_").contains("\"tokenExpiresAt\" : \"20");
    assertThat(config).doesNotContain("\"token\" : \"ey");
    assertThat(cli(OFFICE, "sync", "--home", home.toString(), "--quiet").code()).isZero();
    String device = new AgentHome(home).config().deviceId();

    java.net.http.HttpResponse<String> revoked =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            service.url() + "/v1/admin/devices/" + device + "/revoke"))
                    .header("Authorization", "Bearer " + service.token("admin-1", "admin"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(revoked.statusCode() / 100).as(revoked.body()).isEqualTo(2);
    Run sync = cli(OFFICE, "sync", "--home", home.toString(), "--quiet");

    assertThat(sync.code()).isEqualTo(1);
    assertThat(sync.err().strip())
        .isEqualTo(
            "primer agent: this device was revoked by an administrator; its local data has been"
                + " wiped");
    try (Stream<Path> left = Files.list(home)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("revoked.json");
    }
    Run status = cli(OFFICE, "status", "--home", home.toString());
    assertThat(status.code()).isEqualTo(1);
    assertThat(status.err()).contains("was revoked by an administrator", "wiped at");
  }

  /** The wire bytes a sync summary reports. */
  private static long wire(String summary) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("s, ([0-9.]+) (B|KiB|MiB|GiB) over the wire")
            .matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    double v = Double.parseDouble(m.group(1));
    return (long)
        (v
            * switch (m.group(2)) {
              case "KiB" -> 1024;
              case "MiB" -> 1 << 20;
              case "GiB" -> 1 << 30;
              default -> 1;
            });
  }
}
