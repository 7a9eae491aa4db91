package dev.primer.training.cli;

import dev.primer.core.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bin/primer train|evaluate|publish}: the data scientists' workbench. */
@Command(
    name = "primer",
    mixinStandardHelpOptions = true,
    description = "Train, evaluate and publish Primer's scoring models.",
    subcommands = {TrainCommand.class, EvaluateCommand.class, PublishCommand.class})
public final class TrainingCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: train, evaluate or publish");
  }

  public static void main(String[] args) {
    CommandLines.main(new TrainingCli(), args);
  }
}
