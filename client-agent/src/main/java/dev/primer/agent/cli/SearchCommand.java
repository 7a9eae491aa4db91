package dev.primer.agent.cli;

import dev.primer.agent.store.AccessEvent;
import dev.primer.agent.store.SearchHit;
import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent search}: offline full-text search over the records on the device. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search titles and content of the records on this device, best match first.")
final class SearchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Words to find (all must match).")
  List<String> words;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Results at most (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    String text = String.join(" ", words);
    PrintWriter out = spec.commandLine().getOut();
    try (var store = Agent.openStore(home.home(), parent.context)) {
      long behind = store.searchIndexBehind();
      if (behind >= 5_000) {
        // Only after a sync was killed: the index catches up first, which takes seconds.
        spec.commandLine()
            .getErr()
            .printf("bringing the search index up to date (%,d records) ...%n", behind)
            .flush();
      }
      List<SearchHit> hits = store.search(text, limit);
      String at = ZonedDateTime.now(parent.context.clock()).toOffsetDateTime().toString();
      if (hits.isEmpty()) {
        store.logAccess(AccessEvent.of(Optional.empty(), at, "miss", text));
        out.println("no record on this device matches '" + text + "'");
        return AgentCli.FAILURE;
      }
      store.logAccess(AccessEvent.of(Optional.of(hits.get(0).recordId()), at, "hit", text));
      for (SearchHit hit : hits) {
        out.println(
            String.format(
                Locale.ROOT,
                "%-12s %-18s %6.2f  %s",
                hit.recordId(),
                hit.type(),
                hit.score(),
                hit.title()));
      }
      return AgentCli.OK;
    }
  }
}
