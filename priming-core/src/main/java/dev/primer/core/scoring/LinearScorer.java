package dev.primer.core.scoring;

import dev.primer.core.features.FeatureMatrix;
import dev.primer.core.features.FeatureSchema;
import java.util.Optional;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * The fast path for Tribuo's linear classifiers: the same weights, bias and softmax as {@code
 * predict}, read straight from the feature rows, without building an Example per candidate.
 */
public final class LinearScorer implements Scorer {
  private final double[][] weights;
  private final double[] bias;
  private final int hit;
  private final int width;

  private LinearScorer(double[][] weights, double[] bias, int hit, int width) {
    this.weights = weights;
    this.bias = bias;
    this.hit = hit;
    this.width = width;
  }

  /** The fast path for {@code model}, when it is a linear model trained with softmax outputs. */
  public static Optional<Scorer> of(Model<Label> model, FeatureSchema schema) {
    if (!(model instanceof LinearSGDModel linear) || !model.generatesProbabilities()) {
      return Optional.empty();
    }
    ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
    int hitId = outputs.getID(new Label(TribuoScorer.HIT));
    if (hitId < 0) {
      return Optional.empty();
    }
    ImmutableFeatureMap featureMap = model.getFeatureIDMap();
    DenseMatrix matrix = linear.getWeightsCopy();
    int labels = matrix.getDimension1Size();
    int biasColumn = matrix.getDimension2Size() - 1;
    double[][] weights = new double[labels][schema.width()];
    double[] bias = new double[labels];
    for (int k = 0; k < labels; k++) {
      for (int j = 0; j < schema.width(); j++) {
        int id = featureMap.getID(schema.features().get(j).name());
        // A feature the model never saw has no weight: Tribuo ignores it too.
        weights[k][j] = id < 0 ? 0 : matrix.get(k, id);
      }
      bias[k] = matrix.get(k, biasColumn);
    }
    return Optional.of(new LinearScorer(weights, bias, hitId, schema.width()));
  }

  @Override
  public void score(FeatureMatrix features, double[] out) {
    double[] values = features.values();
    int labels = bias.length;
    double[] z = new double[labels];
    for (int i = 0; i < features.rows(); i++) {
      int base = i * width;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < labels; k++) {
        double sum = 0;
        double[] w = weights[k];
        for (int j = 0; j < width; j++) {
          double x = values[base + j];
          if (x != 0) {
            sum += w[j] * x;
          }
        }
        z[k] = sum + bias[k];
        max = Math.max(max, z[k]);
      }
      double total = 0;
      for (int k = 0; k < labels; k++) {
        z[k] = Math.exp(z[k] - max);
        total += z[k];
      }
      out[i] = z[hit] / total;
    }
  }

  @Override
  public String description() {
    return "linear fast path";
  }
}
