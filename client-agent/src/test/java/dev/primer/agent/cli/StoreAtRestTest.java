package dev.primer.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.agent.config.AgentHome;
import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.KeyFile;
import dev.primer.agent.crypto.PassphraseProtector;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.crypto.StoreKey;
import dev.primer.agent.policy.WifiOnly;
import dev.primer.agent.store.BlobDownload;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.TestStore;
import dev.primer.protocol.manifest.ManifestEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #18, hole 10: the store at rest: private modes, a protected key, a wrong key refused. */
class StoreAtRestTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  private static Run cli(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        AgentCli.run(
            new AgentContext(WifiOnly.NONE, Clock.systemUTC(), env),
            args,
            new PrintWriter(out),
            new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A store of 90 records, one blob, and a config, written with {@code key}. */
  private static void fill(Path home, StoreKey key) throws IOException {
    AgentHome h = new AgentHome(home);
    h.save(TestStore.unreachableConfig("secret-token"));
    try (LocalStore store =
        LocalStore.open(
            h.storeFile(),
            h.blobDir(),
            new FieldCipher(key.encryptionKey()),
            new SearchTokens(key.tokenKey()))) {
      List<ManifestEntry> g1 = TestStore.generation(1, 100);
      store.stage(TestStore.info(1), g1);
      store.insert(g1.stream().map(e -> TestStore.prepare(store, e)).toList());
      store.commitStaged(true, Instant.now());
      store.awaitSearchIndex();
      byte[] blob = "schematic of pump 7".repeat(5000).getBytes(StandardCharsets.UTF_8);
      String sha = dev.primer.agent.sync.RecordPreparer.sha256(blob);
      try (BlobDownload d = store.blobs().startDownload(sha)) {
        d.writeAll(new ByteArrayInputStream(blob), () -> false);
        assertThat(d.finish()).isTrue();
      }
    }
  }

  private static List<Path> walk(Path home) throws IOException {
    try (Stream<Path> all = Files.walk(home)) {
      return all.toList();
    }
  }

  private static void assertPrivate(Path home) throws IOException {
    for (Path p : walk(home)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
          .as(home.relativize(p).toString())
          .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
    }
  }

  @Test
  void everyFileOfTheHomeIsCreatedPrivate() throws IOException {
    Path home = tmp.resolve("new/home");
    fill(home, KeyFile.create(home.resolve("agent.key"), Optional.empty()));

    // While a store is open SQLite keeps its -wal and -shm files beside it: they too.
    try (LocalStore open = TestStore.open(home)) {
      open.putMeta(Map.of("touched", "yes"));
      List<String> names = walk(home).stream().map(p -> home.relativize(p).toString()).toList();
      assertThat(names)
          .contains(
              "config.json",
              "agent.key",
              "store.db",
              "store.db-wal",
              "store.db-shm",
              "store.search.db",
              "blobs/partial");
      assertPrivate(home);
    }
    assertPrivate(home);
    assertPrivate(tmp.resolve("new"));
  }

  @Test
  void wideModesLeftByAnEarlierAgentAreTightenedOnStart() throws IOException {
    Path home = tmp.resolve("home");
    fill(home, KeyFile.create(home.resolve("agent.key"), Optional.empty()));
    for (Path p : walk(home)) {
      Files.setPosixFilePermissions(
          p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    Run r = cli(Map.of(), "status", "--home", home.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("store key: PLAIN");
    assertPrivate(home);
  }

  @Test
  void aPassphraseSealedKeyOpensWithItsPassphraseOnly() throws IOException {
    Path home = tmp.resolve("home");
    StoreKey key =
        KeyFile.create(
            home.resolve("agent.key"),
            Optional.of(new PassphraseProtector("right horse battery"::toCharArray)));
    fill(home, key);
    String keyFile = Files.readString(home.resolve("agent.key"));
    assertThat(keyFile)
        .contains("\"protection\" : \"passphrase\"")
        .contains("\"iterations\" : \"600000\"");

    Run right =
        cli(
            Map.of("PRIMER_AGENT_PASSPHRASE", "right horse battery"),
            "verify",
            "--home",
            home.toString());
    assertThat(right.code()).as(right.err()).isZero();
    assertThat(right.out()).contains("90 verified, 0 damaged");

    Run wrong =
        cli(
            Map.of("PRIMER_AGENT_PASSPHRASE", "wrong horse"),
            "verify",
            "--repair",
            "--home",
            home.toString());
    assertThat(wrong.code()).isEqualTo(AgentCli.FAILURE);
    assertThat(wrong.err().strip())
        .isEqualTo(
            "agent verify: wrong passphrase: it does not open the store key in "
                + home.resolve("agent.key"));

    Run none = cli(Map.of(), "search", "--home", home.toString(), "pump");
    assertThat(none.code()).isEqualTo(AgentCli.FAILURE);
    assertThat(none.err()).contains("set PRIMER_AGENT_PASSPHRASE");
  }

  @Test
  void verifyRepairWithAWrongKeyRefusesAndDropsNothing() throws IOException {
    Path home = tmp.resolve("home");
    fill(home, KeyFile.create(home.resolve("agent.key"), Optional.empty()));
    Path kept = tmp.resolve("right.key");
    Files.move(home.resolve("agent.key"), kept);
    StoreKey.loadOrCreate(home.resolve("agent.key")); // another key, as after a mix-up

    Run repair = cli(Map.of(), "verify", "--repair", "--home", home.toString());

    assertThat(repair.code()).isEqualTo(AgentCli.FAILURE);
    assertThat(repair.err())
        .contains("the key does not open the store")
        .contains("nothing was changed");
    assertThat(repair.out()).doesNotContain("repair:");
    Files.move(kept, home.resolve("agent.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Run after = cli(Map.of(), "verify", "--home", home.toString());
    assertThat(after.code()).as(after.err()).isZero();
    assertThat(after.out())
        .contains("manifest 90 entries, 90 on the device, 90 verified, 0 damaged");
  }

  @Test
  void aCopiedStoreWithoutItsKeyIsUnreadable() throws IOException {
    Path home = tmp.resolve("home");
    StoreKey key =
        KeyFile.create(
            home.resolve("agent.key"),
            Optional.of(new PassphraseProtector("s3cret!"::toCharArray)));
    fill(home, key);

    // The whole folder copied, key file included, without the passphrase.
    Path copy = tmp.resolve("copy");
    for (Path p : walk(home)) {
      Path to = copy.resolve(home.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(to);
      } else {
        Files.copy(p, to);
      }
    }
    for (String guess : List.of("", "password", "s3cret")) {
      Run r =
          cli(
              Map.of("PRIMER_AGENT_PASSPHRASE", guess),
              "show",
              "r00011",
              "--home",
              copy.toString());
      assertThat(r.code()).isEqualTo(AgentCli.FAILURE);
      assertThat(r.out()).doesNotContain("Service report");
    }
    // Nothing in any file of the copy is the record text, the token-free key, or the key in base64.
    String keyB64 = java.util.Base64.getEncoder().encodeToString(key.encryptionKey());
    List<String> leaks = new ArrayList<>();
    for (Path p : walk(copy)) {
      if (Files.isRegularFile(p)) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        if (bytes.contains("replaced the pump seal")
            || bytes.contains("schematic of pump")
            || bytes.contains(keyB64)) {
          leaks.add(copy.relativize(p).toString());
        }
      }
    }
    assertThat(leaks).isEmpty();
    // The store with another key (the copy's key file replaced) is refused, not read as damage.
    Files.delete(copy.resolve("agent.key"));
    StoreKey.loadOrCreate(copy.resolve("agent.key"));
    Run other = cli(Map.of(), "show", "r00011", "--home", copy.toString());
    assertThat(other.code()).isEqualTo(AgentCli.FAILURE);
    assertThat(other.err()).contains("the key does not open the store");
    // And without any key file at all.
    Files.delete(copy.resolve("agent.key"));
    Run missing = cli(Map.of(), "show", "r00011", "--home", copy.toString());
    assertThat(missing.err()).contains("is missing: the store cannot be read without it");
  }

  @Test
  void enrolmentWithoutKeystoreOrPassphraseRefusesBeforeContactingTheService() {
    Path home = tmp.resolve("home");
    Run r =
        cli(
            Map.of("PATH", tmp.toString()),
            "enroll",
            "--home",
            home.toString(),
            "--server",
            "http://127.0.0.1:9",
            "--token",
            "t");
    assertThat(r.code()).isEqualTo(AgentCli.FAILURE);
    assertThat(r.err())
        .contains("no OS keystore (secret-tool) here and no passphrase")
        .contains("--plain-key-file")
        .doesNotContain("cannot reach");
  }
}
