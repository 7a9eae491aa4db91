package dev.primer.core.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Runs Primer's picocli commands with the same conventions everywhere: exit code 0 ok, 1 failure, 2
 * bad usage; every error one line on stderr, naming the command, never a stack trace.
 */
public final class CommandLines {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private CommandLines() {}

  /** Runs {@code command} on the process's standard streams (UTF-8) and exits with its code. */
  public static void main(Object command, String[] args) {
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)));
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    System.exit(run(command, args, out, err));
  }

  /** Runs {@code command} and returns its exit code. */
  public static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine =
        new CommandLine(command)
            .setOut(out)
            .setErr(err)
            .setParameterExceptionHandler(
                (e, ignored) -> {
                  e.getCommandLine()
                      .getErr()
                      .println(
                          name(e.getCommandLine())
                              + ": "
                              + oneLine(e.getMessage())
                              + " (see --help)");
                  return USAGE;
                })
            .setExecutionExceptionHandler(
                (e, cmd, ignored) -> {
                  boolean usage = e instanceof IllegalArgumentException;
                  cmd.getErr().println(name(cmd) + ": " + oneLine(describe(e)));
                  return usage ? USAGE : FAILURE;
                });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String describe(Exception e) {
    if (e instanceof UncheckedIOException io && io.getCause() != null) {
      return io.getMessage() + ": " + io.getCause().getMessage();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** The command's name as typed, e.g. "calendar expand". */
  public static String name(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName(" ");
  }

  static String oneLine(@Nullable String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
  }
}
