package dev.primer.training;

import dev.primer.core.candidates.CandidateGenerator;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.evaluation.ReplayData;
import dev.primer.core.evaluation.ReplayEvaluator;
import dev.primer.core.evaluation.SelectorMetrics;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.selection.Baselines;
import dev.primer.core.selection.ModelSelector;
import dev.primer.core.selection.SelectionSettings;
import dev.primer.core.selection.Selector;
import java.util.List;
import java.util.function.IntConsumer;

/** Replays evaluation days for a model bundle and every baseline, at every budget. */
public final class Evaluation {
  private final ReplayData data;
  private final CandidateSettings settings;

  public Evaluation(ReplayData data, CandidateSettings settings) {
    this.data = data;
    this.settings = settings;
  }

  /** The selectors compared: the model first, then the baselines (the oracle is added last). */
  public List<Selector> selectors(ModelBundle bundle) {
    return List.of(
        new ModelSelector(
            "model",
            new CandidateGenerator(settings),
            new FeatureExtractor(settings.minLinkConfidence()),
            bundle.scorer(),
            SelectionSettings.defaults().withReasons(false),
            settings.minLinkConfidence()),
        Baselines.appointments(settings.minLinkConfidence()),
        Baselines.recent(),
        Baselines.frequent(),
        Baselines.territory());
  }

  /** The metrics of every selector, and the model's calibration on a quarter of the user-days. */
  public record Result(List<SelectorMetrics> metrics, Calibration calibration) {}

  public Result run(ModelBundle bundle, DayRange days, List<Long> budgets, IntConsumer progress) {
    List<Selector> selectors = selectors(bundle);
    Calibration calibration = new Calibration((ModelSelector) selectors.get(0), 4);
    List<SelectorMetrics> metrics =
        new ReplayEvaluator(data)
            .evaluate(days.from(), days.to(), budgets, selectors, true, progress, calibration);
    return new Result(metrics, calibration);
  }
}
