package dev.primer.bench.agent;

import dev.primer.agent.cli.AgentCli;
import dev.primer.agent.cli.AgentContext;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * {@code bin/primer agent bench}: the agent's command line with {@code bench} added, so the bench
 * has the agent's help, exit codes and error lines while its code stays out of the agent.
 */
public final class AgentBenchCli {
  private AgentBenchCli() {}

  /** Runs {@code agent} with {@code args} (e.g. "bench --server URL ...") and exits. */
  public static void main(String[] args) {
    AgentCli.runAndExit(args, AgentBenchCli::commandLine);
  }

  /** Runs the command line and returns its exit code. */
  static int run(AgentContext context, String[] args, PrintWriter out, PrintWriter err) {
    return AgentCli.run(commandLine(context), args, out, err);
  }

  private static CommandLine commandLine(AgentContext context) {
    CommandLine commandLine = new CommandLine(new AgentCli(context));
    commandLine.addSubcommand(new BenchCommand(context));
    commandLine.addSubcommand(new QuoteBenchCommand(context));
    return commandLine;
  }
}
