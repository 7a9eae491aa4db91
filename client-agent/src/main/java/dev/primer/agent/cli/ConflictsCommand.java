package dev.primer.agent.cli;

import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.agent.trust.ServerValues;
import dev.primer.protocol.edits.FieldReceipt;
import dev.primer.protocol.edits.Outcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent conflicts}: the rep's edits the service put in review, base / mine / theirs. */
@Command(
    name = "conflicts",
    mixinStandardHelpOptions = true,
    description = {
      "List your edits the service could not merge (someone else changed the same field): per",
      "field the value you saw (base), yours (mine) and the service's (theirs).",
      "Settle one with: bin/primer agent resolve OP_ID --keep mine|theirs|VALUE"
    })
final class ConflictsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (LocalStore store = Agent.openStore(home.home(), parent.context)) {
      List<OutboxEntry> conflicts = store.edits().stream().filter(OutboxEntry::inConflict).toList();
      if (conflicts.isEmpty()) {
        out.println("no conflicts");
      }
      for (OutboxEntry e : conflicts) {
        String reason = e.receipt().map(r -> r.reason()).orElse("");
        out.printf(
            "seq %d  op %s  record %s%s%n",
            e.seq(), e.opId(), e.recordId(), reason.isEmpty() ? "" : "  (" + reason + ")");
        for (FieldReceipt f : e.receipt().map(r -> r.fields()).orElse(List.of())) {
          if (f.outcome() == Outcome.NEEDS_REVIEW) {
            out.printf(
                "  %s: base %s  mine %s  theirs %s (v%d)%n",
                f.field(),
                ServerValues.quoted(f.base()),
                ServerValues.quoted(f.mine()),
                ServerValues.quoted(f.theirs()),
                f.version());
          }
        }
      }
      return AgentCli.OK;
    }
  }
}
