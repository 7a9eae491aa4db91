package dev.primer.training.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.cli.ProgressBar;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.DataSetInfo;
import dev.primer.core.evaluation.ReplayData;
import dev.primer.core.evaluation.SelectorMetrics;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.scoring.BundleException;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.training.Budgets;
import dev.primer.training.DataSets;
import dev.primer.training.DayRange;
import dev.primer.training.Evaluation;
import dev.primer.training.MetricsTable;
import dev.primer.training.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/primer evaluate}: replays evaluation days for a model and every baseline. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Replay evaluation days for a model bundle and every baseline (appointments, recent,",
      "frequent, territory, oracle) at every budget, using for each day only what was known",
      "before it began. Prints a table; optionally writes CSV and a report with plots."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The data set directory.")
  Path data;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "BUNDLE.zip",
      description = "The model bundle.")
  Path model;

  @Option(
      names = "--eval-days",
      required = true,
      paramLabel = "A..B",
      description =
          "Days to replay: day numbers (77..90) or ISO dates; must not overlap the training days.")
  String evalDays;

  @Option(
      names = "--budgets",
      defaultValue = "64MB,256MB,1GB",
      description = "Device budgets, comma-separated (binary units). Default: ${DEFAULT-VALUE}.")
  String budgets;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "Write one row per selector and budget.")
  Path csv;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Write report.md, report.html and PNG plots here.")
  Path report;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Override
  public Integer call() {
    List<Long> budgetList = Budgets.parseList(budgets);
    DataSetInfo info = DataSetDirectory.open(data).info();
    DayRange days = DayRange.parse(evalDays, info, "--eval-days");
    ModelBundle bundle;
    try {
      bundle = ModelBundles.read(model, FeatureExtractor.SCHEMA);
    } catch (BundleException e) {
      throw new IllegalArgumentException("--model " + model + ": " + e.getMessage(), e);
    }
    JsonNode trained = bundle.provenance().path("trainDays");
    if (trained.hasNonNull("from") && trained.hasNonNull("to")) {
      DayRange trainDays =
          new DayRange(
              LocalDate.parse(trained.get("from").asText()),
              LocalDate.parse(trained.get("to").asText()));
      if (trainDays.overlaps(days)
          && bundle
              .provenance()
              .path("dataSet")
              .path("sha256")
              .asText()
              .equals(DataSets.fingerprint(data))) {
        throw new IllegalArgumentException(
            "--eval-days "
                + days
                + " overlap the days the model was trained on ("
                + trainDays
                + ")");
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("loading data set " + data + " ...");
    ReplayData replay = DataSets.load(data);
    Evaluation.Result result;
    try (ProgressBar bar =
        quiet ? ProgressBar.silent() : ProgressBar.onStderr("replay", days.days())) {
      result =
          new Evaluation(replay, CandidateSettings.defaults())
              .run(bundle, days, budgetList, done -> bar.step());
    }
    List<SelectorMetrics> metrics = result.metrics();
    PrintWriter out = spec.commandLine().getOut();
    out.print(MetricsTable.text(metrics, budgetList));
    out.flush();
    if (csv != null) {
      write(csv, MetricsTable.csv(metrics));
    }
    if (report != null) {
      ReportWriter.write(
          report, data.toString(), days, budgetList, metrics, result.calibration(), bundle);
      out.println("report written to " + report.resolve("report.html"));
    }
    return 0;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
