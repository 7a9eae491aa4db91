package dev.primer.bench.territory;

import dev.primer.core.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bin/primer territory bench}: the territory bench under its old name. */
@Command(
    name = "primer territory",
    description = "Measure territory assignment.",
    subcommands = {BenchCommand.class})
public final class TerritoryBenchCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: bench");
  }

  /** Runs {@code args} (e.g. "bench --points 1000000") and exits with its code. */
  public static void main(String[] args) {
    CommandLines.main(new TerritoryBenchCli(), args);
  }
}
