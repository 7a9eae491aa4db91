package dev.primer.training;

import dev.primer.core.day.DayContext;
import dev.primer.core.evaluation.ReplayEvaluator;
import dev.primer.core.selection.ModelSelector;
import java.util.HashSet;
import java.util.Set;

/**
 * How well the model's probabilities match what happened: candidates of a sample of user-days
 * grouped into ten bins by predicted probability, each with its mean prediction and the observed
 * share of hits. A well calibrated model lies on the diagonal.
 */
public final class Calibration implements ReplayEvaluator.Observer {
  private static final int BINS = 10;

  private final ModelSelector model;
  private final int every;
  private final double[] predicted = new double[BINS];
  private final double[] hits = new double[BINS];
  private final long[] counts = new long[BINS];

  /** Scores one user-day in {@code every} (chosen by user and day, not at random). */
  public Calibration(ModelSelector model, int every) {
    this.model = model;
    this.every = every;
  }

  @Override
  public void userDay(DayContext ctx, int[] truth) {
    if (Math.floorMod(ctx.user() + ctx.day().toEpochDay(), every) != 0) {
      return;
    }
    ModelSelector.Scored scored = model.score(ctx);
    Set<Integer> actual = new HashSet<>();
    for (int r : truth) {
      actual.add(r);
    }
    double[] p = new double[BINS];
    double[] h = new double[BINS];
    long[] n = new long[BINS];
    for (int i = 0; i < scored.candidates().size(); i++) {
      double s = scored.scores()[i];
      int bin = Math.min(BINS - 1, (int) (s * BINS));
      p[bin] += s;
      n[bin]++;
      if (actual.contains(scored.candidates().record(i))) {
        h[bin]++;
      }
    }
    synchronized (this) {
      for (int b = 0; b < BINS; b++) {
        predicted[b] += p[b];
        hits[b] += h[b];
        counts[b] += n[b];
      }
    }
  }

  /** One bin: mean predicted probability, observed hit share and how many candidates fell in it. */
  public record Bin(double predicted, double observed, long candidates) {}

  /** The non-empty bins, lowest probability first. */
  public synchronized java.util.List<Bin> bins() {
    java.util.List<Bin> out = new java.util.ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      if (counts[b] > 0) {
        out.add(new Bin(predicted[b] / counts[b], hits[b] / counts[b], counts[b]));
      }
    }
    return out;
  }
}
