package dev.primer.agent.store;

import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.crypto.StoreKey;
import dev.primer.agent.sync.RecordPreparer;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import dev.primer.protocol.records.RecordLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens stores in a directory and builds deterministic generations for store-level tests. */
public final class TestStore {
  private TestStore() {}

  /** Opens (or reopens) the store kept in {@code dir}. */
  public static LocalStore open(Path dir) {
    StoreKey key = StoreKey.loadOrCreate(dir.resolve("agent.key"));
    return LocalStore.open(
        dir.resolve("store.db"),
        dir.resolve("blobs"),
        new FieldCipher(key.encryptionKey()),
        new SearchTokens(key.tokenKey()));
  }

  /**
   * The config of device d-1 of user u1 holding {@code token}, enrolled with a service nobody
   * answers at (127.0.0.1:1): commands that would call it work offline.
   */
  public static AgentConfig unreachableConfig(String token) {
    return new AgentConfig(
        "http://127.0.0.1:1",
        "d-1",
        "u1",
        token,
        "",
        "",
        1 << 30,
        "01:00",
        "05:00",
        0,
        List.of(),
        List.of(),
        "",
        false,
        0,
        1000,
        false,
        "");
  }

  /** Record {@code i} at {@code version}: its content text. */
  public static String text(int i, long version) {
    return "Service report "
        + i
        + " version "
        + version
        + ": replaced the pump seal at site "
        + (i % 37)
        + ", checked valve "
        + (i % 11)
        + ". Parts ordered from warehouse w"
        + (i % 5)
        + ".";
  }

  /** The record id of {@code i}. */
  public static String id(int i) {
    return String.format("r%05d", i);
  }

  /** Generation {@code g} of a churning manifest over {@code n} records. */
  public static List<ManifestEntry> generation(int g, int n) {
    List<ManifestEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if ((i + g) % 10 == 0) {
        continue; // a tenth leaves and comes back each generation
      }
      long version = 1 + (i % 7 == 0 ? g : 0);
      byte[] content = text(i, version).getBytes(StandardCharsets.UTF_8);
      entries.add(
          new ManifestEntry(
              id(i),
              version,
              content.length,
              RecordPreparer.sha256(content),
              i < n / 10 ? Tier.GUARANTEED : Tier.PREDICTED,
              1.0 - (double) i / n,
              "test",
              i % 2 == 0 ? "service-history" : "contact",
              "Title of record " + i));
    }
    return entries;
  }

  /** The prepared record for an entry built by {@link #generation}. */
  public static PreparedRecord prepare(LocalStore store, ManifestEntry e) {
    int i = Integer.parseInt(e.recordId().substring(1));
    byte[] content = text(i, e.version()).getBytes(StandardCharsets.UTF_8);
    RecordLine line =
        RecordLine.inline(
            e.recordId(),
            "a" + (i % 50),
            e.type(),
            e.title(),
            e.version(),
            e.sha256(),
            "2026-05-01T00:00:00Z",
            List.of(),
            content);
    return new RecordPreparer(store.cipher()).inline(line, e.sha256(), content);
  }

  /** The generation info for {@code g}. */
  public static GenerationInfo info(int g) {
    return new GenerationInfo(
        g, "\"" + g + "-x\"", "m1", "model", "2026-05-04", "2026-05-03T23:00:00Z");
  }
}
