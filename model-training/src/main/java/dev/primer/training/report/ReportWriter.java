package dev.primer.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.core.dataset.DataSetJson;
import dev.primer.core.evaluation.SelectorMetrics;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.scoring.TribuoScorer;
import dev.primer.protocol.model.ModelEvaluation;
import dev.primer.training.Budgets;
import dev.primer.training.Calibration;
import dev.primer.training.DayRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;

/**
 * Writes an evaluation report a data scientist would put in a review: report.md and report.html
 * with the results table, the quality bar, the model's provenance and four PNG plots.
 */
public final class ReportWriter {
  private ReportWriter() {}

  public static void write(
      Path dir,
      String dataSet,
      DayRange days,
      List<Long> budgets,
      List<SelectorMetrics> metrics,
      Calibration calibration,
      ModelBundle bundle) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create report directory " + dir, e);
    }
    List<String> categories = budgets.stream().map(Budgets::format).toList();
    Charts.lines(
        dir.resolve("hit-rate.png"),
        "Hit rate against device budget",
        "budget",
        categories,
        series(metrics, budgets, false));
    Charts.lines(
        dir.resolve("byte-hit-rate.png"),
        "Byte-weighted hit rate against device budget",
        "budget",
        categories,
        series(metrics, budgets, true));
    List<Calibration.Bin> bins = calibration.bins();
    Charts.calibration(
        dir.resolve("calibration.png"),
        "Calibration on evaluation days",
        bins.stream().mapToDouble(Calibration.Bin::predicted).toArray(),
        bins.stream().mapToDouble(Calibration.Bin::observed).toArray());
    List<String> names = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    topFeatures(bundle.model(), 20)
        .forEach(
            (n, w) -> {
              names.add(n);
              weights.add(w);
            });
    Charts.bars(
        dir.resolve("features.png"),
        "Top features (" + bundle.provenance().path("algorithm").asText("model") + ")",
        names,
        weights.stream().mapToDouble(Double::doubleValue).toArray());

    String md = markdown(dataSet, days, budgets, metrics, bins, bundle);
    write(dir.resolve("report.md"), md);
    write(
        dir.resolve(EVALUATION_JSON), evaluationJson(dataSet, days, metrics, bins, names, weights));
    write(dir.resolve("report.html"), Html.fromMarkdown(md, "Primer evaluation " + days));
  }

  /** The report as {@code bin/primer publish --report} attaches it to the model. */
  public static final String EVALUATION_JSON = "evaluation.json";

  private static String evaluationJson(
      String dataSet,
      DayRange days,
      List<SelectorMetrics> metrics,
      List<Calibration.Bin> bins,
      List<String> names,
      List<Double> weights) {
    List<ModelEvaluation.FeatureWeight> features = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      features.add(new ModelEvaluation.FeatureWeight(names.get(i), weights.get(i)));
    }
    ModelEvaluation evaluation =
        new ModelEvaluation(
            dataSet,
            days.from().toString(),
            days.to().toString(),
            metrics.stream()
                .map(
                    m ->
                        new ModelEvaluation.Result(
                            m.selector(),
                            m.budgetBytes(),
                            m.hitRate(),
                            m.byteHitRate(),
                            m.recordsPerUserDay(),
                            m.wastedBytesPerUserDay(),
                            m.userDays()))
                .toList(),
            bins.stream()
                .map(
                    b ->
                        new ModelEvaluation.CalibrationBin(
                            b.predicted(), b.observed(), b.candidates()))
                .toList(),
            features);
    try {
      return DataSetJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(evaluation)
          + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the evaluation as JSON", e);
    }
  }

  private static Map<String, double[]> series(
      List<SelectorMetrics> metrics, List<Long> budgets, boolean bytes) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (SelectorMetrics m : metrics) {
      double[] values = out.computeIfAbsent(m.selector(), k -> new double[budgets.size()]);
      values[budgets.indexOf(m.budgetBytes())] = bytes ? m.byteHitRate() : m.hitRate();
    }
    return out;
  }

  /** The model's own account of its most important features, for the "hit" label. */
  static Map<String, Double> topFeatures(Model<?> model, int n) {
    Map<String, List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>>> top =
        model.getTopFeatures(n);
    List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>> list =
        top.getOrDefault(TribuoScorer.HIT, top.getOrDefault(Model.ALL_OUTPUTS, List.of()));
    if (list.isEmpty() && !top.isEmpty()) {
      list = top.values().iterator().next();
    }
    Map<String, Double> out = new LinkedHashMap<>();
    list.forEach(p -> out.put(p.getA(), p.getB()));
    return out;
  }

  private static String markdown(
      String dataSet,
      DayRange days,
      List<Long> budgets,
      List<SelectorMetrics> metrics,
      List<Calibration.Bin> bins,
      ModelBundle bundle) {
    StringBuilder md = new StringBuilder();
    md.append("# Primer evaluation\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Data set `%s`, evaluation days %s (%d days, %,d user-days). ",
            dataSet,
            days,
            days.days(),
            metrics.get(0).userDays()));
    md.append(
        "Each day every selector chose from what was known before the day began; hit rate is the share of the records users touched that were on their devices.\n\n");
    md.append("## Results\n\n");
    md.append("| selector |");
    budgets.forEach(b -> md.append(" ").append(Budgets.format(b)).append(" hit rate | bytes |"));
    md.append("\n|---|");
    budgets.forEach(b -> md.append("---|---|"));
    md.append('\n');
    Set<String> selectors = new LinkedHashSet<>();
    metrics.forEach(m -> selectors.add(m.selector()));
    for (String s : selectors) {
      md.append("| ").append(s).append(" |");
      for (long b : budgets) {
        SelectorMetrics m = find(metrics, s, b);
        md.append(
            String.format(
                Locale.ROOT, " %.1f%% | %.1f%% |", 100 * m.hitRate(), 100 * m.byteHitRate()));
      }
      md.append('\n');
    }
    md.append("\n![hit rate](hit-rate.png)\n\n![byte hit rate](byte-hit-rate.png)\n\n");
    md.append(
        "## Quality bar\n\nThe model must beat the best baseline by 15 points and reach 0.9 of the oracle, at every budget.\n\n");
    md.append(
        "| budget | model | best baseline | margin | share of oracle | bar |\n|---|---|---|---|---|---|\n");
    for (long b : budgets) {
      SelectorMetrics model = find(metrics, "model", b);
      SelectorMetrics oracle = find(metrics, "oracle", b);
      SelectorMetrics best = null;
      for (String s : selectors) {
        if (!s.equals("model") && !s.equals("oracle")) {
          SelectorMetrics m = find(metrics, s, b);
          if (best == null || m.hitRate() > best.hitRate()) {
            best = m;
          }
        }
      }
      double margin = 100 * (model.hitRate() - best.hitRate());
      double share = oracle.hitRate() == 0 ? 0 : model.hitRate() / oracle.hitRate();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f%% | %s %.1f%% | %+.1f pts | %.3f | %s |%n",
              Budgets.format(b),
              100 * model.hitRate(),
              best.selector(),
              100 * best.hitRate(),
              margin,
              share,
              margin >= 15 && share >= 0.9 ? "met" : "NOT met"));
    }
    md.append(
        "\n## Calibration\n\n![calibration](calibration.png)\n\n| predicted | observed | candidates |\n|---|---|---|\n");
    for (Calibration.Bin bin : bins) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %.3f | %.3f | %,d |%n",
              bin.predicted(),
              bin.observed(),
              bin.candidates()));
    }
    md.append("\n## Model\n\n![features](features.png)\n\n");
    JsonNode p = bundle.provenance();
    md.append("- bundle id: `").append(bundle.id()).append("`\n");
    md.append("- algorithm: ")
        .append(p.path("algorithm").asText())
        .append(", parameters `")
        .append(p.path("parameters"))
        .append("`\n");
    md.append("- trained on days ")
        .append(p.path("trainDays").path("from").asText())
        .append("..")
        .append(p.path("trainDays").path("to").asText());
    md.append(" of data set `")
        .append(
            p.path("dataSet")
                .path("sha256")
                .asText()
                .substring(0, Math.min(12, p.path("dataSet").path("sha256").asText().length())))
        .append("`\n");
    md.append("- seed ")
        .append(p.path("seed").asText())
        .append(", Tribuo ")
        .append(p.path("tribuoVersion").asText());
    md.append(", feature schema ")
        .append(bundle.schema().version())
        .append(" (")
        .append(bundle.schema().hash())
        .append(")\n");
    md.append("- training summary: `").append(bundle.summary()).append("`\n");
    return md.toString();
  }

  private static SelectorMetrics find(List<SelectorMetrics> metrics, String selector, long budget) {
    return metrics.stream()
        .filter(m -> m.selector().equals(selector) && m.budgetBytes() == budget)
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no metrics for " + selector + " at " + budget));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
