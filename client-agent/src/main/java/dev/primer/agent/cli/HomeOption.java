package dev.primer.agent.cli;

import dev.primer.agent.config.AgentHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --home option every command shares. */
final class HomeOption {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Where the agent keeps config, key and store (default ~/.primer-agent).")
  Path home;

  AgentHome home() {
    return home == null ? AgentHome.defaultHome() : new AgentHome(home);
  }
}
