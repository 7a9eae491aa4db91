package dev.primer.testdata.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Runs a picocli command with Primer's exit codes: 0 ok, 1 failure, 2 bad usage. */
final class Cli {
  private Cli() {}

  static int execute(Object command, String name, String[] args) {
    CommandLine cli = new CommandLine(command).setCommandName(name);
    cli.setParameterExceptionHandler(
        (ex, arguments) -> {
          ex.getCommandLine().getErr().println(name + ": " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println(
                  "Run '"
                      + ex.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help' for usage.");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException) {
            commandLine.getErr().println(name + ": " + ex.getMessage());
            return 2;
          }
          String message =
              ex instanceof UncheckedIOException io && io.getCause() != null
                  ? ex.getMessage() + ": " + io.getCause().getMessage()
                  : ex.getMessage();
          commandLine.getErr().println(name + ": " + (message == null ? ex.toString() : message));
          return 1;
        });
    return cli.execute(args);
  }
}
