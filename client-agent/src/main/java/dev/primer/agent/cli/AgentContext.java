package dev.primer.agent.cli;

import dev.primer.agent.policy.NetworkProbe;
import java.time.Clock;
import java.util.Map;

/**
 * What the commands take from the world: the network as seen by the machine, the clock, and the
 * environment (PRIMER_AGENT_PASSPHRASE, PATH for secret-tool). Tests construct the CLI with their
 * own.
 */
public record AgentContext(NetworkProbe probe, Clock clock, Map<String, String> env) {
  public AgentContext {
    env = Map.copyOf(env);
  }

  /** The given network and clock, in this process's environment. */
  public AgentContext(NetworkProbe probe, Clock clock) {
    this(probe, clock, System.getenv());
  }
}
