package dev.primer.agent.cli;

import dev.primer.agent.daemon.Daemon;
import dev.primer.agent.daemon.SyncWindow;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent daemon}: syncs in the overnight window, night after night. */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Wait for the overnight window plus a random jitter, sync when the network policy allows,",
      "retry with backoff (or the service's Retry-After), stop when the policy stops holding."
    })
final class DaemonCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Option(
      names = "--windows",
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after N windows (default: run forever).")
  int windows;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Agent agent = Agent.open(home.home(), parent.context, err)) {
      Daemon daemon =
          new Daemon(
              new SyncWindow(agent.config.windowOpens(), agent.config.windowCloses()),
              Duration.ofMinutes(agent.config.jitterMinutes()),
              parent.context.clock(),
              d -> Thread.sleep(d.toMillis()),
              new Random(),
              () -> agent.policy(parent.context),
              cancel -> {
                agent.renewTokenIfDue(parent.context.clock(), err);
                return agent
                    .syncer(parent.context.clock())
                    .sync(cancel, dev.primer.agent.sync.SyncListener.none());
              },
              out);
      daemon.run(windows);
      return AgentCli.OK;
    } catch (ServiceException e) {
      // The daemon stopped on a refused token: a revoked device's store is deleted here.
      throw Agent.stopIfRefused(home.home(), e, parent.context.clock());
    }
  }
}
