package dev.primer.agent.cli;

import dev.primer.agent.daemon.Daemon;
import dev.primer.agent.daemon.SyncWindow;
import dev.primer.agent.daemon.UploadHeartbeat;
import dev.primer.agent.store.LocalStore;
import dev.primer.protocol.client.DaemonThreads;
import dev.primer.protocol.client.RetryPolicy;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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
      "retry with backoff (or the service's Retry-After), stop when the policy stops holding.",
      "Edits are uploaded all the time, on any network: a few seconds after each edit, on a",
      "network change, and on a backoff timer (1 s to 5 min) while any wait."
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

  private UploadHeartbeat heartbeat(Agent agent, LocalStore uploads, PrintWriter out) {
    return new UploadHeartbeat(
        uploads::editWork,
        () -> parent.context.probe().localAddresses(),
        () ->
            agent
                .uploader(uploads, parent.context.clock(), RetryPolicy.never(), out::println)
                .upload()
                .summary(),
        parent.context.clock(),
        d -> Thread.sleep(d.toMillis()),
        new Random(),
        out);
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicReference<ServiceException> refused = new AtomicReference<>();
    Thread windows = Thread.currentThread();
    try (Agent agent = Agent.open(home.home(), parent.context, err);
        // Its own connection: SQLite transactions are per connection, and the heartbeat's run
        // beside the window's sync.
        LocalStore uploads = Agent.openStore(home.home(), parent.context)) {
      Thread heartbeat =
          DaemonThreads.named("primer-edit-upload")
              .newThread(
                  () -> {
                    try {
                      heartbeat(agent, uploads, out).run();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } catch (ServiceException e) {
                      // A refused device stops the whole daemon, not only the uploads.
                      refused.set(e);
                      windows.interrupt();
                    }
                  });
      heartbeat.start();
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
                // Edits first, as in agent sync (the heartbeat may be between two beats).
                agent.uploadEdits(parent.context.clock(), err);
                return agent
                    .syncer(parent.context.clock())
                    .sync(cancel, dev.primer.agent.sync.SyncListener.none());
              },
              out);
      try {
        daemon.run(this.windows);
      } catch (InterruptedException e) {
        if (refused.get() == null) {
          throw e;
        }
        throw refused.get();
      } finally {
        heartbeat.interrupt();
        heartbeat.join(10_000);
      }
      return AgentCli.OK;
    } catch (ServiceException e) {
      // The daemon stopped on a refused token: a revoked device's store is deleted here.
      throw Agent.stopIfRefused(home.home(), e, parent.context.clock());
    }
  }
}
