package dev.primer.agent.cli;

import dev.primer.agent.edits.EditedRecord;
import dev.primer.agent.edits.Overlay;
import dev.primer.agent.store.AccessEvent;
import dev.primer.agent.store.SearchHit;
import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
      // The rep's own edits first: they are what the service's copy (the index) does not hold yet.
      List<EditedRecord> edited = Overlay.search(store, text);
      Set<String> shown = new HashSet<>();
      List<SearchHit> hits = new ArrayList<>();
      for (EditedRecord e : edited) {
        if (hits.size() < limit && shown.add(e.recordId())) {
          hits.add(new SearchHit(e.recordId(), e.type(), e.title(), Double.POSITIVE_INFINITY));
        }
      }
      for (SearchHit h : store.search(text, limit)) {
        if (hits.size() < limit && shown.add(h.recordId())) {
          hits.add(h);
        }
      }
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
                "%-12s %-18s %6s  %s",
                hit.recordId(),
                hit.type(),
                Double.isInfinite(hit.score())
                    ? "edited"
                    : String.format(Locale.ROOT, "%.2f", hit.score()),
                hit.title()));
      }
      return AgentCli.OK;
    }
  }
}
