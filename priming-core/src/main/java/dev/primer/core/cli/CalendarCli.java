package dev.primer.core.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/primer calendar}: tools for iCalendar files. */
@Command(
    name = "calendar",
    description = "Read iCalendar (.ics) files the way Primer does.",
    subcommands = {ExpandCommand.class})
public final class CalendarCli implements Runnable {
  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  @SuppressWarnings("UnusedVariable") // picocli reads the option itself
  private boolean help;

  public static void main(String[] args) {
    CommandLines.main(new CalendarCli(), args);
  }

  /** Runs the command line and returns the exit code: 0 ok, 1 failure, 2 bad usage. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return CommandLines.run(new CalendarCli(), args, out, err);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command, e.g. expand");
  }
}
