package dev.primer.agent.cli;

import dev.primer.agent.config.AgentStoppedException;
import dev.primer.agent.policy.SystemNetworkProbe;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/primer agent}: the device agent. Exit codes: 0 ok, 1 failure, 2 bad usage. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description =
        "The device agent: enrol, sync overnight on the office network, work and edit offline.",
    subcommands = {
      EnrollCommand.class,
      PolicyCommand.class,
      SyncCommand.class,
      DaemonCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      EditCommand.class,
      CreateCommand.class,
      PendingCommand.class,
      ConflictsCommand.class,
      ResolveCommand.class,
      QuoteCommand.class,
      AuditCommand.class,
      StatusCommand.class,
      VerifyCommand.class
    },
    footer = {"", "Benchmark: bin/primer agent bench (the bench module)."})
public final class AgentCli implements Runnable {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  final AgentContext context;

  public AgentCli(AgentContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  public static void main(String[] args) {
    runAndExit(args, context -> new CommandLine(new AgentCli(context)));
  }

  /**
   * Runs the command line {@code commandLine} makes for this machine's context on the real standard
   * streams (UTF-8), then exits with its code: the agent's own main, and the bench module's, which
   * adds {@code bench}.
   */
  public static void runAndExit(
      String[] args, java.util.function.Function<AgentContext, CommandLine> commandLine) {
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
    AgentContext context =
        new AgentContext(new SystemNetworkProbe(), Clock.system(ZoneId.systemDefault()));
    System.exit(run(commandLine.apply(context), args, out, err));
  }

  /** Runs a command line and returns its exit code; every error is one line on stderr. */
  public static int run(AgentContext context, String[] args, PrintWriter out, PrintWriter err) {
    return run(new CommandLine(new AgentCli(context)), args, out, err);
  }

  /**
   * Runs {@code commandLine}, an agent's command line that may carry more subcommands (the bench
   * module adds {@code bench}), with the agent's exit codes and one-line errors.
   */
  public static int run(CommandLine commandLine, String[] args, PrintWriter out, PrintWriter err) {
    commandLine
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(
            (e, ignored) -> {
              e.getCommandLine()
                  .getErr()
                  .println(
                      name(e.getCommandLine()) + ": " + oneLine(e.getMessage()) + " (see --help)");
              return USAGE;
            })
        .setExecutionExceptionHandler(
            (e, cmd, ignored) -> {
              if (e instanceof AgentStoppedException stopped) {
                cmd.getErr().println(oneLine(stopped.getMessage()));
                return FAILURE;
              }
              cmd.getErr().println(name(cmd) + ": " + oneLine(describe(e)));
              return e instanceof IllegalArgumentException ? USAGE : FAILURE;
            });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String describe(Exception e) {
    if (e instanceof UncheckedIOException io && io.getCause() != null) {
      String cause = io.getCause().getMessage();
      return Objects.requireNonNull(io.getMessage()).contains(String.valueOf(cause))
              || cause == null
          ? io.getMessage()
          : io.getMessage() + ": " + cause;
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static String name(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName(" ");
  }

  private static String oneLine(@Nullable String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
  }
}
