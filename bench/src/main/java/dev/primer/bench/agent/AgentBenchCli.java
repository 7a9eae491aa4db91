package dev.primer.bench.agent;

import dev.primer.agent.cli.AgentCli;
import dev.primer.agent.cli.AgentContext;
import dev.primer.agent.policy.SystemNetworkProbe;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/**
 * {@code bin/primer agent bench}: the agent's command line with {@code bench} added, so the bench
 * has the agent's help, exit codes and error lines while its code stays out of the agent.
 */
public final class AgentBenchCli {
  private AgentBenchCli() {}

  /** Runs {@code agent} with {@code args} (e.g. "bench --server URL ...") and exits. */
  public static void main(String[] args) {
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
    AgentContext context = new AgentContext(new SystemNetworkProbe(), Clock.systemDefaultZone());
    System.exit(run(context, args, out, err));
  }

  /** Runs the command line and returns its exit code. */
  static int run(AgentContext context, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new AgentCli(context));
    commandLine.addSubcommand(new BenchCommand(context));
    return AgentCli.run(commandLine, args, out, err);
  }
}
