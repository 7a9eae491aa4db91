package dev.primer.agent.cli;

import dev.primer.agent.store.AuditEntry;
import dev.primer.agent.store.LocalStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent audit}: the device's hash-chained audit log of quotes, and its check. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "List the device's audit log (each quote made and each quote document written, in order,",
      "each entry chained to the one before by its hash) and check the chain.",
      "Exit codes: 0 the chain holds, 1 it is broken (the first broken entry is named)."
    })
final class AuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Option(names = "--details", description = "Also print each entry's detail (JSON).")
  boolean details;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (LocalStore store = Agent.openStore(home.home(), parent.context)) {
      List<AuditEntry> entries = store.auditLog();
      for (AuditEntry e : entries) {
        out.printf(
            "%5d  %s  %-15s %s  %s%n",
            e.seq(), e.at(), e.event(), e.subject(), e.hash().substring(0, 16));
        if (details) {
          out.println("       " + e.detail());
        }
      }
      Optional<String> broken = store.auditBreak();
      if (broken.isPresent()) {
        out.println("audit log broken: " + broken.get());
        return AgentCli.FAILURE;
      }
      out.println("audit log: " + entries.size() + " entries, chain intact");
      return AgentCli.OK;
    }
  }
}
