package dev.primer.core.scoring;

import dev.primer.core.features.FeatureMatrix;

/** Turns feature rows into the probability that the user will touch each record that day. */
public interface Scorer {
  /** Writes one probability per row of {@code features} into {@code out}. */
  void score(FeatureMatrix features, double[] out);

  /** How scores are computed, for logs and the registry ("linear fast path", "tribuo predict"). */
  String description();
}
