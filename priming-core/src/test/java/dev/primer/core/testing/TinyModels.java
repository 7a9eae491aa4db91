package dev.primer.core.testing;

import dev.primer.core.features.FeatureSchema;
import dev.primer.core.scoring.TribuoScorer;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Small models trained on synthetic rows, for scorer and bundle tests. */
public final class TinyModels {
  private TinyModels() {}

  /** Random rows over the schema where a hit depends on the first three features. */
  public static MutableDataset<Label> dataset(FeatureSchema schema, int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] names = schema.names().toArray(String[]::new);
    MutableDataset<Label> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                "tiny", OffsetDateTime.parse("2026-01-01T00:00:00Z"), new LabelFactory()),
            new LabelFactory());
    for (int i = 0; i < rows; i++) {
      double[] values = new double[names.length];
      for (int j = 0; j < values.length; j++) {
        values[j] = random.nextDouble() < 0.3 ? 0 : random.nextDouble() * 2;
      }
      double signal = values[0] - values[1] + 0.5 * values[2] - 0.3;
      boolean hit = signal + random.nextGaussian() * 0.5 > 0;
      data.add(
          new ArrayExample<>(
              new Label(hit ? TribuoScorer.HIT : TribuoScorer.MISS), names.clone(), values));
    }
    return data;
  }

  public static Model<Label> logistic(FeatureSchema schema, long seed) {
    return new LinearSGDTrainer(
            new LogMulticlass(), new AdaGrad(0.1, 0.1), 3, Integer.MAX_VALUE, 1, seed)
        .train(dataset(schema, 2_000, seed));
  }
}
