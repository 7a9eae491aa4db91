package dev.primer.agent.cli;

import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.policy.NetworkPolicy;
import dev.primer.agent.policy.PolicyDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent policy}: says whether a sync would run on this network now, and why. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Say whether this network counts as the office (exit 0 yes, 1 no).")
final class PolicyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Override
  public Integer call() {
    AgentConfig config = home.home().config();
    PolicyDecision decision =
        new NetworkPolicy(
                config.ssids(), config.officeCidrs(), config.beacon(), config.allowMetered())
            .decide(parent.context.probe());
    spec.commandLine()
        .getOut()
        .println((decision.allowed() ? "office network: " : "not syncing: ") + decision.reason());
    return decision.allowed() ? AgentCli.OK : AgentCli.FAILURE;
  }
}
