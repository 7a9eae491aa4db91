package dev.primer.bench.training;

import dev.primer.core.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bin/primer bench scoring|selection}: the training tools' command line for the scoring and
 * selection benches, named as before ({@code primer bench ...}).
 */
@Command(
    name = "primer",
    mixinStandardHelpOptions = true,
    description = "Measure Primer's scoring and selection.",
    subcommands = {BenchCommand.class})
public final class TrainingBenchCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: bench");
  }

  /** Runs {@code args} (e.g. "bench scoring --data DIR ...") and exits with its code. */
  public static void main(String[] args) {
    CommandLines.main(new TrainingBenchCli(), args);
  }
}
