package dev.primer.protocol.model;

import java.util.List;
import java.util.Objects;

/**
 * A model's evaluation report as {@code bin/primer evaluate --report} writes it ({@code
 * evaluation.json}) and {@code bin/primer publish --report} attaches it to the model ({@code PUT
 * /v1/models/{id}/evaluation}): the replayed days, how the model and every baseline did at each
 * budget, the calibration and the top features, for the console's plots.
 *
 * @param dataSet the data set it was replayed on, as the data scientist named it
 * @param fromDay the first evaluation day, ISO-8601
 * @param toDay the last evaluation day, ISO-8601
 * @param results one per selector and budget
 * @param calibration the non-empty calibration bins, lowest probability first
 * @param topFeatures the model's most important features, most important first
 */
public record ModelEvaluation(
    String dataSet,
    String fromDay,
    String toDay,
    List<Result> results,
    List<CalibrationBin> calibration,
    List<FeatureWeight> topFeatures) {
  /** Absent values become empty ones. */
  public ModelEvaluation {
    dataSet = Objects.requireNonNullElse(dataSet, "");
    fromDay = Objects.requireNonNullElse(fromDay, "");
    toDay = Objects.requireNonNullElse(toDay, "");
    results = List.copyOf(Objects.requireNonNullElse(results, List.of()));
    calibration = List.copyOf(Objects.requireNonNullElse(calibration, List.of()));
    topFeatures = List.copyOf(Objects.requireNonNullElse(topFeatures, List.of()));
  }

  /**
   * How one selector did at one budget over the evaluation days.
   *
   * @param selector {@code model} or a baseline's name
   * @param budgetBytes the device budget
   * @param hitRate records touched that were on the device, over records touched
   * @param byteHitRate the same, weighted by bytes
   * @param recordsPerUserDay records put on a device per user-day
   * @param wastedBytesPerUserDay bytes put on a device that nobody touched that day, per user-day
   * @param userDays user-days replayed
   */
  public record Result(
      String selector,
      long budgetBytes,
      double hitRate,
      double byteHitRate,
      double recordsPerUserDay,
      double wastedBytesPerUserDay,
      long userDays) {
    /** An absent selector becomes an empty one. */
    public Result {
      selector = Objects.requireNonNullElse(selector, "");
    }
  }

  /**
   * Candidates whose predicted probability fell in one bin.
   *
   * @param predicted their mean predicted probability
   * @param observed the share of them that was touched
   * @param candidates how many there were
   */
  public record CalibrationBin(double predicted, double observed, long candidates) {}

  /**
   * A feature and its weight in the model's own account.
   *
   * @param name the feature
   * @param weight its weight or importance
   */
  public record FeatureWeight(String name, double weight) {
    /** An absent name becomes an empty one. */
    public FeatureWeight {
      name = Objects.requireNonNullElse(name, "");
    }
  }
}
