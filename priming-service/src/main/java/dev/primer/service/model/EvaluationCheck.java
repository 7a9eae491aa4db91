package dev.primer.service.model;

import dev.primer.protocol.model.ModelEvaluation;
import dev.primer.protocol.problem.ProblemError;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an evaluation report must be to be stored: every problem named by its JSON field. */
final class EvaluationCheck {
  /** More than any report has (selectors × budgets, bins, features), few enough to plot. */
  static final int MAX_ITEMS = 2_000;

  private final List<ProblemError> errors = new ArrayList<>();

  private EvaluationCheck() {}

  /** The report, or a 400 naming each bad field. */
  static ModelEvaluation require(ModelEvaluation e) {
    EvaluationCheck check = new EvaluationCheck();
    check.text("dataSet", e.dataSet(), StorableText.MAX_TEXT);
    check.day("fromDay", e.fromDay());
    check.day("toDay", e.toDay());
    if (e.results().isEmpty()) {
      check.error("results", "must list at least one selector's result");
    }
    check.size("results", e.results());
    check.size("calibration", e.calibration());
    check.size("topFeatures", e.topFeatures());
    for (int i = 0; i < e.results().size() && check.errors.size() < 20; i++) {
      ModelEvaluation.Result r = e.results().get(i);
      String at = "results[" + i + "].";
      if (r.selector().isEmpty()) {
        check.error(at + "selector", "is required");
      }
      check.text(at + "selector", r.selector(), StorableText.MAX_ID);
      if (r.budgetBytes() <= 0) {
        check.error(at + "budgetBytes", "must be > 0, was " + r.budgetBytes());
      }
      check.share(at + "hitRate", r.hitRate());
      check.share(at + "byteHitRate", r.byteHitRate());
      check.atLeastZero(at + "recordsPerUserDay", r.recordsPerUserDay());
      check.atLeastZero(at + "wastedBytesPerUserDay", r.wastedBytesPerUserDay());
      check.atLeastZero(at + "userDays", r.userDays());
    }
    for (int i = 0; i < e.calibration().size() && check.errors.size() < 20; i++) {
      ModelEvaluation.CalibrationBin b = e.calibration().get(i);
      String at = "calibration[" + i + "].";
      check.share(at + "predicted", b.predicted());
      check.share(at + "observed", b.observed());
      check.atLeastZero(at + "candidates", b.candidates());
    }
    for (int i = 0; i < e.topFeatures().size() && check.errors.size() < 20; i++) {
      ModelEvaluation.FeatureWeight f = e.topFeatures().get(i);
      String at = "topFeatures[" + i + "].";
      check.text(at + "name", f.name(), StorableText.MAX_NAME);
      if (!Double.isFinite(f.weight())) {
        check.error(at + "weight", "must be a finite number, was " + f.weight());
      }
    }
    if (!check.errors.isEmpty()) {
      throw new ProblemException(
          400,
          "invalid-evaluation",
          "Invalid evaluation report",
          check.errors.size()
              + " problems, the first: "
              + check.errors.get(0).field()
              + " "
              + check.errors.get(0).message(),
          check.errors);
    }
    return e;
  }

  private void error(String field, String message) {
    errors.add(ProblemError.field(field, message));
  }

  private void text(String field, String value, int max) {
    Optional<String> problem = StorableText.problem(value, max);
    problem.ifPresent(p -> error(field, p));
  }

  private void day(String field, String value) {
    try {
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      error(field, "must be an ISO-8601 date, e.g. 2026-03-01, was '" + shorten(value) + "'");
    }
  }

  private void size(String field, List<?> items) {
    if (items.size() > MAX_ITEMS) {
      error(field, "must hold at most " + MAX_ITEMS + " items, held " + items.size());
    }
  }

  private void share(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      error(field, "must be a share between 0 and 1, was " + value);
    }
  }

  private void atLeastZero(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      error(field, "must be a finite number >= 0, was " + value);
    }
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
