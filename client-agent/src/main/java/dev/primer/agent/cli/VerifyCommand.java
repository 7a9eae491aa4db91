package dev.primer.agent.cli;

import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.StoreVerifier;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent verify}: checks the store against the manifest and reports damage. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check the store against its manifest: counts, every content hash, SQLite integrity.",
      "Exit 0 when sound, 1 when damaged; --repair drops damaged content so the next sync fetches it again."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Option(
      names = "--repair",
      description = "Drop damaged content so the next sync downloads it again.")
  boolean repair;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (LocalStore store = Agent.openStore(home.home(), parent.context)) {
      StoreVerifier.Report report = StoreVerifier.verify(store);
      out.printf(
          "manifest %,d entries, %,d on the device, %,d verified, %d damaged; sqlite integrity: %s%n",
          report.manifestEntries(),
          report.visible(),
          report.checked(),
          report.damaged().size(),
          report.integrity());
      report.damaged().forEach(d -> out.println("  damaged " + d));
      if (report.manifestEntries() > report.visible()) {
        out.printf(
            "%,d entries not downloaded yet (the next sync fetches them)%n",
            report.manifestEntries() - report.visible());
      }
      // Derived data, not damage: the next search or sync catches it up, or --repair here.
      if (Agent.reportSearchIndexLag(store, out) > 0 && repair) {
        store.awaitSearchIndex();
        out.println("repair: search index brought up to date");
      }
      if (repair && !report.damaged().isEmpty()) {
        store.dropContent(report.damagedContentIds());
        out.printf(
            "repair: dropped %d damaged records; run 'bin/primer agent sync' to fetch them again%n",
            report.damaged().size());
      }
      return report.sound() ? AgentCli.OK : AgentCli.FAILURE;
    }
  }
}
