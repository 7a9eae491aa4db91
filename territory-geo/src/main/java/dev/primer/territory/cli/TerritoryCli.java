package dev.primer.territory.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code bin/primer territory}: validate, assign and report on territory files. */
@Command(
    name = "primer territory",
    description = "Validate, assign and report on territory GeoJSON files.",
    subcommands = {ValidateCommand.class, AssignCommand.class, ReportCommand.class},
    footer = {"", "Benchmark: bin/primer territory bench (the bench module)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure (for example, the file has errors)",
      "2:bad usage (unknown option, missing file)"
    })
public final class TerritoryCli implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int exitCode = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /** Runs the command line with the given streams and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new TerritoryCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          err.println(
              exception.getCommandLine().getCommandSpec().qualifiedName()
                  + ": "
                  + exception.getMessage()
                  + " (see --help)");
          return CliException.USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          String command = failed.getCommandSpec().qualifiedName();
          if (exception instanceof CliException cli) {
            err.println(command + ": " + cli.getMessage());
            return cli.exitCode();
          }
          // Whatever else went wrong still gets one line, not a stack trace.
          err.println(
              command
                  + ": "
                  + (exception.getMessage() == null
                      ? exception.getClass().getSimpleName()
                      : exception.getMessage()));
          return CliException.FAILURE;
        });
    int exitCode = commandLine.execute(args);
    out.flush();
    err.flush();
    return exitCode;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CliException.USAGE;
  }
}
