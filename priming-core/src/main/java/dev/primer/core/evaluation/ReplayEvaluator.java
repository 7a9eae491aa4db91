package dev.primer.core.evaluation;

import dev.primer.core.catalog.Catalog;
import dev.primer.core.day.DayContext;
import dev.primer.core.day.DayContextFactory;
import dev.primer.core.selection.Baselines;
import dev.primer.core.selection.Selection;
import dev.primer.core.selection.SelectionEntry;
import dev.primer.core.selection.Selector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Replays evaluation days: for each user-day, every selector chooses at every budget from what was
 * known before the day began, and is scored against what the user actually touched.
 */
public final class ReplayEvaluator {
  private final ReplayData data;

  public ReplayEvaluator(ReplayData data) {
    this.data = data;
  }

  /** Sees each user-day of a replay with its answer key; called from several threads at once. */
  @FunctionalInterface
  public interface Observer {
    void userDay(DayContext ctx, int[] truth);
  }

  public List<SelectorMetrics> evaluate(
      LocalDate from,
      LocalDate to,
      List<Long> budgets,
      List<Selector> selectors,
      boolean oracle,
      IntConsumer progress) {
    return evaluate(from, to, budgets, selectors, oracle, progress, (ctx, truth) -> {});
  }

  /**
   * Evaluates days {@code from}..{@code to} (inclusive). With {@code oracle}, the oracle selector
   * (the day's real accesses cut to the budget) is added.
   *
   * @param progress called with the number of days done
   * @param observer sees every user-day with its answer key (for calibration, say)
   */
  public List<SelectorMetrics> evaluate(
      LocalDate from,
      LocalDate to,
      List<Long> budgets,
      List<Selector> selectors,
      boolean oracle,
      IntConsumer progress,
      Observer observer) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("evaluation days are empty: " + from + ".." + to);
    }
    List<Selector> all = new ArrayList<>(selectors);
    if (oracle) {
      all.add(Baselines.oracle(ctx -> data.truth(ctx.user(), ctx.day())));
    }
    Map<String, SelectorMetrics> totals = new LinkedHashMap<>();
    for (Selector s : all) {
      for (long b : budgets) {
        totals.put(s.name() + "@" + b, new SelectorMetrics(s.name(), b, 0, 0, 0, 0, 0, 0, 0));
      }
    }
    Catalog catalog = data.catalog();
    ReplayData.Feed feed = data.new Feed(data.emptyHistory());
    DayContextFactory contexts =
        new DayContextFactory(feed.history(), data.appointments(), data.visibility());
    int done = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      // Everything before the latest start of the day is in the history; each user's own
      // context still sees only what came before their own start of the day.
      feed.until(data.latestStartOf(day));
      contexts.clearCaches();
      LocalDate d = day;
      List<Map<String, long[]>> perUser =
          IntStream.range(0, catalog.userCount())
              .parallel()
              .mapToObj(
                  u -> {
                    DayContext ctx = contexts.contextFor(u, d);
                    observer.userDay(ctx, data.truth(u, d));
                    return evaluateUserDay(ctx, all, budgets);
                  })
              .toList();
      for (Map<String, long[]> counts : perUser) {
        counts.forEach(
            (key, c) -> totals.compute(key, (k, m) -> m.plus(c[0], c[1], c[2], c[3], c[4], c[5])));
      }
      progress.accept(++done);
    }
    return List.copyOf(totals.values());
  }

  private Map<String, long[]> evaluateUserDay(
      DayContext ctx, List<Selector> selectors, List<Long> budgets) {
    Catalog catalog = ctx.catalog();
    int[] truth = data.truth(ctx.user(), ctx.day());
    Set<Integer> actual = IntStream.of(truth).boxed().collect(Collectors.toSet());
    long actualBytes = IntStream.of(truth).mapToLong(catalog::size).sum();
    Map<String, long[]> out = new LinkedHashMap<>();
    for (Selector selector : selectors) {
      List<Selection> selections = selector.select(ctx, budgets);
      for (Selection s : selections) {
        long hits = 0;
        long hitBytes = 0;
        Set<Integer> seen = new HashSet<>();
        for (SelectionEntry e : s.entries()) {
          if (seen.add(e.record()) && actual.contains(e.record())) {
            hits++;
            hitBytes += catalog.size(e.record());
          }
        }
        out.put(
            selector.name() + "@" + s.budgetBytes(),
            new long[] {hits, truth.length, hitBytes, actualBytes, s.bytes(), s.entries().size()});
      }
    }
    return out;
  }
}
