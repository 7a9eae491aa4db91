package dev.primer.bench.territory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.cli.CommandLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The bench's figures are only meaningful from the command line; here only its behaviour. */
class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CommandLines.run(
        new TerritoryBenchCli(), args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void printsEveryFigureAndChecksTheIndexAgainstTheScan() {
    int exitCode =
        run(
            "bench",
            "--points",
            "3000",
            "--territories",
            "40",
            "--rounds",
            "1",
            "--scan-sample",
            "300");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("one thread:")
        .contains("points/s")
        .contains("plain scan:")
        .contains("extrapolated")
        .contains("speed-up over the plain scan:")
        .contains("check: index and plain scan agree on 300 of 300 sampled points");
  }

  @Test
  void refusesAnEmptyRun() {
    int exitCode = run("bench", "--points", "0");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly("primer territory bench: points must be >= 1, was 0");
  }
}
