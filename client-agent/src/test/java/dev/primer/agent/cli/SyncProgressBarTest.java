package dev.primer.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncProgressBarTest {
  @Test
  void inALogTheLastLineShowsAllBytesAndRecords() {
    StringWriter log = new StringWriter();
    SyncProgressBar bar = new SyncProgressBar(new PrintWriter(log), false);

    bar.started(1_500, 3L << 20);
    bar.advanced(1_000, 1L << 20);
    bar.advanced(500, 2L << 20);
    bar.finished();

    assertThat(log.toString()).doesNotContain("\r").endsWith("\n");
    List<String> lines = log.toString().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .startsWith("sync 100% [")
        .contains("3/3MiB")
        .endsWith("1,500/1,500 records");
  }

  @Test
  void drawsNothingWhenTheSyncNeverStarted() {
    StringWriter log = new StringWriter();

    new SyncProgressBar(new PrintWriter(log), true).finished();

    assertThat(log.toString()).isEmpty();
  }
}
