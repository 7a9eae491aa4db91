package dev.primer.training;

import dev.primer.core.candidates.CandidateGenerator;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.candidates.Candidates;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.day.DayContext;
import dev.primer.core.day.DayContextFactory;
import dev.primer.core.evaluation.ReplayData;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureMatrix;
import dev.primer.core.scoring.TribuoScorer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Builds labelled examples from a data set's training days: for each user-day, priming-core's
 * candidates and features, labelled "hit" when the user touched the record that day. Negatives are
 * far more common, so a fixed share of them is kept (chosen by a seeded hash, never by looking at
 * other days) and weighted up by its inverse, which keeps the model's probabilities honest.
 */
public final class TrainingSetBuilder {
  private static final Label HIT = new Label(TribuoScorer.HIT);
  private static final Label MISS = new Label(TribuoScorer.MISS);

  private final ReplayData data;
  private final CandidateSettings settings;
  private final double negativeRate;
  private final long seed;

  public TrainingSetBuilder(
      ReplayData data, CandidateSettings settings, double negativeRate, long seed) {
    if (!(negativeRate > 0 && negativeRate <= 1)) {
      throw new IllegalArgumentException(
          "negative rate must be within (0, 1], was " + negativeRate);
    }
    this.data = data;
    this.settings = settings;
    this.negativeRate = negativeRate;
    this.seed = seed;
  }

  /** Examples from days {@code days}; history before them is replayed first, never after. */
  public TrainingSet build(DayRange days, IntConsumer progress) {
    Catalog catalog = data.catalog();
    ReplayData.Feed feed = data.new Feed(data.emptyHistory());
    DayContextFactory contexts =
        new DayContextFactory(feed.history(), data.appointments(), data.visibility());
    CandidateGenerator generator = new CandidateGenerator(settings);
    FeatureExtractor extractor = new FeatureExtractor(settings.minLinkConfidence());
    String[] names = extractor.schema().names().toArray(String[]::new);
    MutableDataset<Label> examples =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                "primer replay", OffsetDateTime.now(), new LabelFactory()),
            new LabelFactory());
    long userDays = 0;
    long positives = 0;
    long kept = 0;
    long seen = 0;
    long accesses = 0;
    long proposed = 0;
    int done = 0;
    for (LocalDate day = days.from(); !day.isAfter(days.to()); day = day.plusDays(1)) {
      feed.until(data.latestStartOf(day));
      contexts.clearCaches();
      LocalDate d = day;
      List<UserDayRows> rows =
          IntStream.range(0, catalog.userCount())
              .parallel()
              .mapToObj(u -> rows(contexts.contextFor(u, d), generator, extractor))
              .toList();
      for (UserDayRows r : rows) {
        userDays++;
        accesses += r.accesses;
        proposed += r.proposed;
        seen += r.negativesSeen;
        for (int i = 0; i < r.labels.size(); i++) {
          boolean hit = r.labels.get(i);
          ArrayExample<Label> example =
              new ArrayExample<>(hit ? HIT : MISS, names.clone(), r.features.get(i));
          example.setWeight((float) (hit ? 1.0 : 1.0 / negativeRate));
          examples.add(example);
          if (hit) {
            positives++;
          } else {
            kept++;
          }
        }
      }
      progress.accept(++done);
    }
    return new TrainingSet(
        examples,
        userDays,
        positives,
        kept,
        seen,
        1.0 / negativeRate,
        accesses == 0 ? 0 : (double) proposed / accesses);
  }

  private UserDayRows rows(
      DayContext ctx, CandidateGenerator generator, FeatureExtractor extractor) {
    int[] truth = data.truth(ctx.user(), ctx.day());
    int[] actual = truth.clone();
    java.util.Arrays.sort(actual);
    Candidates candidates = generator.generate(ctx);
    List<Integer> keep = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    int proposed = 0;
    int negatives = 0;
    for (int i = 0; i < candidates.size(); i++) {
      int r = candidates.record(i);
      boolean hit = java.util.Arrays.binarySearch(actual, r) >= 0;
      if (hit) {
        proposed++;
      } else {
        negatives++;
      }
      if (hit || keepNegative(ctx, r)) {
        keep.add(r);
        labels.add(hit);
      }
    }
    FeatureMatrix m = extractor.extract(ctx, keep.stream().mapToInt(Integer::intValue).toArray());
    List<double[]> features = new ArrayList<>();
    for (int i = 0; i < m.rows(); i++) {
      double[] row = new double[m.width()];
      System.arraycopy(m.values(), i * m.width(), row, 0, m.width());
      features.add(row);
    }
    return new UserDayRows(features, labels, truth.length, proposed, negatives);
  }

  /** A seeded hash of (user, day, record) decides, so the choice is stable and independent. */
  private boolean keepNegative(DayContext ctx, int record) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h = mix(h ^ ctx.user());
    h = mix(h ^ ctx.day().toEpochDay());
    h = mix(h ^ record);
    return (h >>> 11) * 0x1.0p-53 < negativeRate;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private record UserDayRows(
      List<double[]> features,
      List<Boolean> labels,
      int accesses,
      int proposed,
      int negativesSeen) {}
}
