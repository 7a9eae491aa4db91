package dev.primer.bench.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.cli.CommandLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code bin/primer bench} keeps its command names: primer bench scoring|selection. */
class TrainingBenchCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CommandLines.run(
        new TrainingBenchCli(), args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void scoringAndSelectionAreBenchSubcommands() {
    assertThat(run("bench", "scoring", "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: primer bench scoring ");
    assertThat(run("bench", "selection", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: primer bench selection ");
  }

  @Test
  void benchWithoutABenchmarkIsBadUsage() {
    assertThat(run("bench")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly("primer bench: missing benchmark: scoring or selection (see --help)");
  }
}
