package dev.primer.testdata.cli;

import dev.primer.core.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/primer data}: synthetic organisations and moving data sets around. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Generate synthetic organisations and load data sets into a service.",
    subcommands = {GenerateCommand.class, PushCommand.class})
public final class DataCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  public static void main(String[] args) {
    CommandLines.main(new DataCli(), args);
  }
}
