package dev.primer.territory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench's figures are only meaningful from the command line; here only its behaviour. */
class BenchCommandTest {
  @Test
  void printsEveryFigureAndChecksTheIndexAgainstTheScan() {
    Cli run =
        Cli.run(
            "bench",
            "--points",
            "3000",
            "--territories",
            "40",
            "--rounds",
            "1",
            "--scan-sample",
            "300");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("one thread:")
        .contains("points/s")
        .contains("plain scan:")
        .contains("extrapolated")
        .contains("speed-up over the plain scan:")
        .contains("check: index and plain scan agree on 300 of 300 sampled points");
  }

  @Test
  void refusesAnEmptyRun() {
    Cli run = Cli.run("bench", "--points", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("primer territory bench: points must be >= 1, was 0");
  }
}
