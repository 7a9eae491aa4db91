package dev.primer.bench.training;

import dev.primer.core.candidates.CandidateGenerator;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.candidates.Candidates;
import dev.primer.core.day.DayContext;
import dev.primer.core.evaluation.ReplayData;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureMatrix;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.core.scoring.Scorer;
import dev.primer.training.DataSets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One rep-day scored (the busiest of the data set's last days, as {@code bin/primer bench
 * selection} picks it): candidates, features and the linear fast path end to end, and the scoring
 * alone by the fast path and by Tribuo's {@code predict}. Needs a data set and a model bundle:
 * {@code -p data=DIR -p model=BUNDLE.zip}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RepScoringBench {
  /** The data set directory. */
  @Param("")
  public String data;

  /** The model bundle. */
  @Param("")
  public String model;

  private DayContext rep;
  private CandidateGenerator generator;
  private FeatureExtractor extractor;
  private Scorer fast;
  private Scorer tribuo;
  private FeatureMatrix features;
  private double[] scores;

  /** Loads the data set and the model, and picks the rep-day. */
  @Setup
  public void setUp() {
    if (data.isEmpty() || model.isEmpty()) {
      throw new IllegalArgumentException("give -p data=DIR -p model=BUNDLE.zip");
    }
    ReplayData replay = DataSets.load(Path.of(data));
    ModelBundle bundle = ModelBundles.read(Path.of(model), FeatureExtractor.SCHEMA);
    CandidateSettings settings = CandidateSettings.defaults();
    generator = new CandidateGenerator(settings);
    extractor = new FeatureExtractor(settings.minLinkConfidence());
    fast = bundle.scorer();
    tribuo = bundle.referenceScorer();
    rep = BenchCommand.busiestContext(replay);
    features = extractor.extract(rep, generator.generate(rep));
    scores = new double[features.rows()];
  }

  /** Candidates, features and fast scoring for the rep-day: the nightly per-rep step. */
  @Benchmark
  public double[] endToEnd() {
    Candidates candidates = generator.generate(rep);
    FeatureMatrix m = extractor.extract(rep, candidates);
    double[] out = new double[candidates.size()];
    fast.score(m, out);
    return out;
  }

  /** The linear fast path on the rep-day's features. */
  @Benchmark
  public double[] fastPathScoring() {
    fast.score(features, scores);
    return scores;
  }

  /** Tribuo's {@code predict} on the same features: what the fast path is measured against. */
  @Benchmark
  public double[] tribuoScoring() {
    tribuo.score(features, scores);
    return scores;
  }
}
