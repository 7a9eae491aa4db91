package dev.primer.bench.training;

import dev.primer.core.candidates.CandidateGenerator;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.candidates.CandidateSource;
import dev.primer.core.candidates.Candidates;
import dev.primer.core.day.DayContext;
import dev.primer.core.day.DayContextFactory;
import dev.primer.core.evaluation.ReplayData;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureMatrix;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.core.scoring.Scorer;
import dev.primer.core.selection.ModelSelector;
import dev.primer.core.selection.SelectionSettings;
import dev.primer.training.Budgets;
import dev.primer.training.DataSets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/primer bench scoring|selection}: measures priming-core's hot paths on a real data set
 * and prints the figures. Each figure is the median of several timed runs after warm-up.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure feature extraction + scoring and selection on a data set; print figures.",
    subcommands = {BenchCommand.Scoring.class, BenchCommand.Selection.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing benchmark: scoring or selection");
  }

  /** Options both benchmarks take. */
  static class Common {
    @Option(
        names = "--data",
        required = true,
        paramLabel = "DIR",
        description = "A data set (medium is the reference).")
    Path data;

    @Option(
        names = "--model",
        required = true,
        paramLabel = "BUNDLE.zip",
        description = "A model bundle (logreg for the fast path).")
    Path model;

    @Option(
        names = "--runs",
        defaultValue = "5",
        description = "Timed runs after warm-up. Default: ${DEFAULT-VALUE}.")
    int runs;
  }

  /** Candidates per second: generation + features + scoring, end to end. */
  @Command(
      name = "scoring",
      mixinStandardHelpOptions = true,
      description = "Candidates/s end to end on 1 core and all cores; fast path vs Tribuo predict.")
  static final class Scoring extends Common implements Runnable {
    @Spec CommandSpec spec;

    @Option(
        names = "--user-days",
        defaultValue = "400",
        description = "User-days per run. Default: ${DEFAULT-VALUE}.")
    int userDays;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      ReplayData data = DataSets.load(data());
      ModelBundle bundle = ModelBundles.read(model, FeatureExtractor.SCHEMA);
      CandidateSettings settings = CandidateSettings.defaults();
      List<DayContext> contexts = contexts(data, userDays);
      CandidateGenerator generator = new CandidateGenerator(settings);
      FeatureExtractor extractor = new FeatureExtractor(settings.minLinkConfidence());
      Scorer fast = bundle.scorer();
      Scorer generic = bundle.referenceScorer();
      out.printf(
          Locale.ROOT,
          "scorer: %s; %d user-days per run; %d cores%n",
          fast.description(),
          contexts.size(),
          Runtime.getRuntime().availableProcessors());

      double oneCore = median(() -> endToEnd(contexts, generator, extractor, fast, 1));
      double allCores =
          median(
              () ->
                  endToEnd(
                      contexts,
                      generator,
                      extractor,
                      fast,
                      Runtime.getRuntime().availableProcessors()));
      out.printf(
          Locale.ROOT,
          "end to end (candidates + features + fast scoring): %,.0f candidates/s on 1 core, %,.0f on all cores%n",
          oneCore,
          allCores);

      List<FeatureMatrix> matrices = new ArrayList<>();
      for (DayContext ctx : contexts.subList(0, Math.min(60, contexts.size()))) {
        matrices.add(extractor.extract(ctx, generator.generate(ctx)));
      }
      double fastRate = median(() -> scoreOnly(matrices, fast));
      double genericRate = median(() -> scoreOnly(matrices, generic));
      out.printf(
          Locale.ROOT,
          "scoring only, 1 core: fast path %,.0f candidates/s, Tribuo predict %,.0f candidates/s: %.1fx%n",
          fastRate,
          genericRate,
          fastRate / genericRate);
      out.flush();
    }

    Path data() {
      return data;
    }

    @SuppressWarnings("ReturnValueIgnored") // the first run only warms up: its rate is dropped
    private double median(java.util.function.DoubleSupplier run) {
      run.getAsDouble();
      double[] rates = new double[runs];
      for (int i = 0; i < runs; i++) {
        rates[i] = run.getAsDouble();
      }
      Arrays.sort(rates);
      return rates[runs / 2];
    }

    private static double endToEnd(
        List<DayContext> contexts,
        CandidateGenerator generator,
        FeatureExtractor extractor,
        Scorer scorer,
        int threads) {
      LongAdder candidates = new LongAdder();
      long start = System.nanoTime();
      Runnable work =
          () ->
              contexts.parallelStream()
                  .forEach(
                      ctx -> {
                        Candidates c = generator.generate(ctx);
                        FeatureMatrix m = extractor.extract(ctx, c);
                        double[] scores = new double[c.size()];
                        scorer.score(m, scores);
                        candidates.add(c.size());
                      });
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        pool.submit(work).join();
      } finally {
        pool.shutdown();
      }
      return candidates.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static double scoreOnly(List<FeatureMatrix> matrices, Scorer scorer) {
      long rows = 0;
      long start = System.nanoTime();
      for (FeatureMatrix m : matrices) {
        double[] out = new double[m.rows()];
        scorer.score(m, out);
        rows += m.rows();
      }
      return rows / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** Milliseconds to select for one user-day with a given number of candidates. */
  @Command(
      name = "selection",
      mixinStandardHelpOptions = true,
      description = "Selection time for one user with many candidates.")
  static final class Selection extends Common implements Runnable {
    @Spec CommandSpec spec;

    @Option(
        names = "--candidates",
        defaultValue = "50000",
        description = "Candidates for the user-day. Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Option(
        names = "--budget",
        defaultValue = "256MB",
        description = "Device budget. Default: ${DEFAULT-VALUE}.")
    String budget;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      ReplayData replay = DataSets.load(data);
      ModelBundle bundle = ModelBundles.read(model, FeatureExtractor.SCHEMA);
      ModelSelector selector =
          new ModelSelector(
              "model",
              new CandidateGenerator(CandidateSettings.defaults()),
              new FeatureExtractor(0.5),
              bundle.scorer(),
              SelectionSettings.defaults(),
              0.5);
      DayContext ctx = busiestContext(replay);
      // The user's own candidates, then the records of the accounts nearest their home until
      // there are as many as asked: a user with an unusually wide reach.
      Candidates own = new CandidateGenerator(CandidateSettings.defaults()).generate(ctx);
      java.util.LinkedHashSet<Integer> records = new java.util.LinkedHashSet<>();
      for (int i = 0; i < own.size(); i++) {
        records.add(own.record(i));
      }
      var home = ctx.catalog().user(ctx.user()).home();
      for (int a : ctx.catalog().accountsNear(home, 5_000_000)) {
        for (int r : ctx.catalog().recordsOf(a)) {
          if (records.size() < candidates) {
            records.add(r);
          }
        }
        if (records.size() >= candidates) {
          break;
        }
      }
      Candidates wide =
          Candidates.of(
              records.stream().mapToInt(Integer::intValue).toArray(),
              CandidateSource.TERRITORY.bit());
      ModelSelector.Scored scored = selector.score(ctx, wide);
      long bytes = Budgets.parse(budget);
      double[] scoreMs = new double[runs * 4];
      double[] fillMs = new double[runs * 4];
      for (int i = 0; i < 5; i++) {
        selector.fill(ctx, selector.score(ctx, wide), bytes);
      }
      for (int i = 0; i < fillMs.length; i++) {
        long t0 = System.nanoTime();
        ModelSelector.Scored s = selector.score(ctx, wide);
        long t1 = System.nanoTime();
        selector.fill(ctx, s, bytes);
        long t2 = System.nanoTime();
        scoreMs[i] = (t1 - t0) / 1e6;
        fillMs[i] = (t2 - t1) / 1e6;
      }
      Arrays.sort(scoreMs);
      Arrays.sort(fillMs);
      out.printf(
          Locale.ROOT,
          "user %s on %s: %,d candidates, budget %s%n",
          ctx.catalog().user(ctx.user()).id(),
          ctx.day(),
          scored.candidates().size(),
          budget);
      out.printf(
          Locale.ROOT,
          "selection (tiers, value per byte, first-fit fill, reasons): median %.1f ms, p95 %.1f ms%n",
          fillMs[fillMs.length / 2],
          fillMs[(int) (fillMs.length * 0.95)]);
      out.printf(
          Locale.ROOT,
          "candidates + features + scoring before it: median %.1f ms%n",
          scoreMs[scoreMs.length / 2]);
      out.flush();
    }
  }

  /** The user-day with the most appointments among the data set's last days. */
  static DayContext busiestContext(ReplayData data) {
    DayContext best = null;
    for (DayContext ctx : contexts(data, data.catalog().userCount() * 3)) {
      if (best == null || ctx.today().size() > best.today().size()) {
        best = ctx;
      }
    }
    return best;
  }

  /** Contexts for the last days of the data set, all users, as known before each day. */
  static List<DayContext> contexts(ReplayData data, int count) {
    ReplayData.Feed feed = data.new Feed(data.emptyHistory());
    DayContextFactory factory =
        new DayContextFactory(feed.history(), data.appointments(), data.visibility());
    int users = data.catalog().userCount();
    int days = Math.max(1, (count + users - 1) / users);
    LocalDate first = data.info().endDate().minusDays(days);
    feed.until(data.latestStartOf(data.info().endDate()));
    List<DayContext> out = new ArrayList<>();
    for (LocalDate day = first;
        out.size() < count && day.isBefore(data.info().endDate());
        day = day.plusDays(1)) {
      for (int u = 0; u < users && out.size() < count; u++) {
        out.add(factory.contextFor(u, day));
      }
    }
    return out;
  }
}
