package dev.primer.core.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  public static void main(String[] args) {
    // UTF-8 whatever the platform default: summaries are in every language.
    var out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)));
    var err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    System.exit(run(args, out, err));
  }

  /** Runs the command line and returns the exit code: 0 ok, 1 failure, 2 bad usage. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine =
        new CommandLine(new CalendarCli())
            .setOut(out)
            .setErr(err)
            .setParameterExceptionHandler(
                (e, ignored) -> {
                  e.getCommandLine()
                      .getErr()
                      .println(name(e.getCommandLine()) + ": " + e.getMessage() + " (see --help)");
                  return USAGE;
                })
            .setExecutionExceptionHandler(
                (e, cmd, ignored) -> {
                  cmd.getErr().println(name(cmd) + ": " + oneLine(String.valueOf(e)));
                  return FAILURE;
                });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command, e.g. expand");
  }

  static String name(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName(" ");
  }

  static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ");
  }
}
