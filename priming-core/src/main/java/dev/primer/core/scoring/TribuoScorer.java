package dev.primer.core.scoring;

import dev.primer.core.features.FeatureMatrix;
import dev.primer.core.features.FeatureSchema;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** Scores through Tribuo's own {@code predict}: works for every model, and is the reference. */
public final class TribuoScorer implements Scorer {
  /** The label of a record the user touched that day. */
  public static final String HIT = "hit";

  /** The label of a record the user did not touch. */
  public static final String MISS = "miss";

  private final Model<Label> model;
  private final String[] names;

  public TribuoScorer(Model<Label> model, FeatureSchema schema) {
    this.model = model;
    this.names = schema.names().toArray(String[]::new);
  }

  @Override
  public void score(FeatureMatrix features, double[] out) {
    List<Example<Label>> examples = new ArrayList<>(features.rows());
    for (int i = 0; i < features.rows(); i++) {
      examples.add(example(features, i));
    }
    List<Prediction<Label>> predictions = model.predict(examples);
    for (int i = 0; i < out.length && i < predictions.size(); i++) {
      out[i] = hitProbability(predictions.get(i));
    }
  }

  /** Row {@code row} as an unlabelled Tribuo example with the schema's feature names. */
  public Example<Label> example(FeatureMatrix features, int row) {
    double[] values = new double[names.length];
    System.arraycopy(features.values(), row * features.width(), values, 0, names.length);
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names.clone(), values);
  }

  static double hitProbability(Prediction<Label> prediction) {
    Label hit = prediction.getOutputScores().get(HIT);
    return hit == null ? 0 : hit.getScore();
  }

  @Override
  public String description() {
    return "tribuo predict (" + model.getClass().getSimpleName() + ")";
  }
}
