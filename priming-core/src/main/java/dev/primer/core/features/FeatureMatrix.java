package dev.primer.core.features;

/** Feature rows in one row-major array: row i holds the features of candidate i. */
public record FeatureMatrix(int rows, int width, double[] values) {
  public FeatureMatrix {
    if (values.length < rows * width) {
      throw new IllegalArgumentException("values too short for " + rows + " x " + width);
    }
  }

  public double get(int row, int column) {
    return values[row * width + column];
  }
}
