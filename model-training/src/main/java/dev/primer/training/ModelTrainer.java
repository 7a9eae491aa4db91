package dev.primer.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.dataset.DataSetJson;
import dev.primer.core.evaluation.ReplayData;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.scoring.ModelBundles;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.tribuo.Model;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;

/** Trains a model on a data set's training days and writes it as a bundle with provenance. */
public final class ModelTrainer {
  /** The share of negative candidates kept by default. */
  public static final double DEFAULT_NEGATIVE_RATE = 0.01;

  private final CandidateSettings settings;

  public ModelTrainer(CandidateSettings settings) {
    this.settings = settings;
  }

  /** What a training run produced. */
  public record Result(
      Model<Label> model, TrainingSet set, ObjectNode provenance, ObjectNode summary) {}

  public Result train(
      ReplayData data,
      String dataSetHash,
      DayRange days,
      Algorithm algorithm,
      long seed,
      double negativeRate,
      IntConsumer dayProgress) {
    long started = System.nanoTime();
    TrainingSet set =
        new TrainingSetBuilder(data, settings, negativeRate, seed).build(days, dayProgress);
    if (set.positives() == 0) {
      throw new IllegalArgumentException(
          "training days " + days + " hold no interaction among the candidates: nothing to learn");
    }
    long built = System.nanoTime();
    int threads = Runtime.getRuntime().availableProcessors();
    Model<Label> model = algorithm.trainer(seed, threads).train(set.examples());
    long trained = System.nanoTime();

    ObjectNode provenance = DataSetJson.mapper().createObjectNode();
    ObjectNode dataSet = provenance.putObject("dataSet");
    dataSet.put("sha256", dataSetHash);
    dataSet.put("generator", data.info().generator());
    dataSet.put("scale", data.info().scale());
    dataSet.put("seed", data.info().seed());
    dataSet.put("startDate", data.info().startDate().toString());
    dataSet.put("days", data.info().days());
    provenance
        .putObject("trainDays")
        .put("from", days.from().toString())
        .put("to", days.to().toString());
    provenance.put("algorithm", algorithm.wireName());
    provenance.set("parameters", DataSetJson.mapper().valueToTree(algorithm.parameters()));
    provenance.put("seed", seed);
    provenance.put("negativeRate", negativeRate);
    provenance.set("candidateSettings", DataSetJson.mapper().valueToTree(settings));
    provenance.put(
        "featureSchema", FeatureExtractor.SCHEMA.version() + " " + FeatureExtractor.SCHEMA.hash());
    provenance.put("tribuoVersion", Tribuo.VERSION);
    provenance.put("bundleFormat", ModelBundles.FORMAT);

    ObjectNode summary = DataSetJson.mapper().createObjectNode();
    summary.put("userDays", set.userDays());
    summary.put("examples", set.examples().size());
    summary.put("positives", set.positives());
    summary.put("negativesKept", set.negativesKept());
    summary.put("negativesSeen", set.negativesSeen());
    summary.put("negativeWeight", set.negativeWeight());
    summary.put("candidateRecall", set.candidateRecall());
    summary.put("secondsBuildingExamples", (built - started) / 1e9);
    summary.put("secondsTraining", (trained - built) / 1e9);
    return new Result(model, set, provenance, summary);
  }

  /** Writes the result as a bundle. */
  public static void write(Result result, Path bundle) {
    ModelBundles.write(
        bundle, result.model(), FeatureExtractor.SCHEMA, result.provenance(), result.summary());
  }
}
