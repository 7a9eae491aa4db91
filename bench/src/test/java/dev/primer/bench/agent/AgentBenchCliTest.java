package dev.primer.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.agent.cli.AgentContext;
import dev.primer.agent.policy.SystemNetworkProbe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench runs on the agent's own command line: its help, exit codes and error lines. */
class AgentBenchCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    // The bench drives the syncer itself and never consults the network policy.
    AgentContext context = new AgentContext(new SystemNetworkProbe(), Clock.systemUTC(), Map.of());
    return AgentBenchCli.run(context, args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void benchIsASubcommandOfTheAgentWithItsOptions() {
    assertThat(run("bench", "--help")).isZero();

    assertThat(out.toString())
        .startsWith("Usage: agent bench ")
        .contains("--server=URL", "--token=TOKEN", "--kill-at=FRACTION", "--blob-rounds=N");
  }

  @Test
  void aBadSettingIsBadUsageInOneLineNamingTheCommand() {
    int code = run("bench", "--server", "http://127.0.0.1:1", "--token", "t", "--blob-rounds", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly("agent bench: blob-rounds must be >= 1, was 0");
  }

  @Test
  void aMissingOptionIsBadUsage() {
    assertThat(run("bench", "--token", "t")).isEqualTo(2);
    assertThat(err.toString()).startsWith("agent bench: Missing required option: '--server=URL'");
  }
}
