package dev.primer.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.agent.policy.WifiOnly;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.SearchIndex;
import dev.primer.agent.store.TestStore;
import dev.primer.protocol.manifest.ManifestEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  @TempDir Path home;

  private String verify(String... extra) {
    StringWriter out = new StringWriter();
    String[] args = new String[2 + extra.length];
    args[0] = "verify";
    args[1] = "--home=" + home;
    System.arraycopy(extra, 0, args, 2, extra.length);
    int code =
        AgentCli.run(
            new AgentContext(WifiOnly.NONE, Clock.systemUTC()),
            args,
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertThat(code).as(out.toString()).isZero();
    return out.toString();
  }

  @Test
  void verifySaysWhenTheSearchIndexIsBehindAndRepairCatchesItUp() throws Exception {
    try (LocalStore store = TestStore.open(home)) {
      List<ManifestEntry> g1 = TestStore.generation(1, 100);
      store.stage(TestStore.info(1), g1);
      store.insert(g1.stream().map(e -> TestStore.prepare(store, e)).toList());
      store.commitStaged(true, Instant.now());
    }
    Path index = SearchIndex.fileFor(home.resolve("store.db"));
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(index.resolveSibling(index.getFileName() + suffix));
    }

    assertThat(verify()).contains("0 damaged").contains("search index: 90 records to index");
    assertThat(verify("--repair")).contains("repair: search index brought up to date");
    assertThat(verify()).doesNotContain("search index");
  }
}
