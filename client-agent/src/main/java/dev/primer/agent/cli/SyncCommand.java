package dev.primer.agent.cli;

import dev.primer.agent.policy.PolicyDecision;
import dev.primer.agent.sync.CancelSignal;
import dev.primer.agent.sync.SyncListener;
import dev.primer.agent.sync.SyncResult;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent sync}: one sync now, if the network policy allows (or --force). */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch the manifest delta and download what is missing, in priority order.",
      "Pending edits are uploaded first, on any network.",
      "Outside the office network it says why and exits 0; --force overrides."
    })
final class SyncCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Option(names = "--force", description = "Sync even outside the office network.")
  boolean force;

  @Option(names = "--quiet", description = "No progress bar, only the summary.")
  boolean quiet;

  @Option(
      names = "--lookahead",
      paramLabel = "N",
      defaultValue = "1",
      description = "Batches fetched while one is written, 0..4 (default ${DEFAULT-VALUE}).")
  int lookahead;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Agent agent = Agent.open(home.home(), parent.context, err)) {
      // Edits go up on any network, before the policy decides about the download.
      agent.uploadEdits(parent.context.clock(), err);
      PolicyDecision decision = agent.policy(parent.context);
      if (!decision.allowed() && !force) {
        out.println("not syncing: " + decision.reason() + " (use --force to sync anyway)");
        return AgentCli.OK;
      }
      SyncListener progress =
          quiet
              ? SyncListener.none()
              : new SyncProgressBar(spec.commandLine().getErr(), System.console() != null);
      agent.renewTokenIfDue(parent.context.clock(), err);
      SyncResult result =
          agent
              .syncer(parent.context.clock())
              .lookahead(lookahead)
              .sync(new CancelSignal(), progress);
      out.println(result.summary());
      return result.refused().isEmpty() ? AgentCli.OK : AgentCli.FAILURE;
    } catch (ServiceException e) {
      // After the store is closed: a revoked device's store is deleted here.
      throw Agent.stopIfRefused(home.home(), e, parent.context.clock());
    }
  }
}
