package dev.primer.training.cli;

import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.cli.ProgressBar;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.evaluation.ReplayData;
import dev.primer.training.Algorithm;
import dev.primer.training.DataSets;
import dev.primer.training.DayRange;
import dev.primer.training.ModelTrainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/primer train}: builds training examples from a data set and writes a model bundle. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a scoring model on a data set's training days and write a model bundle (the model,",
      "its feature schema, provenance and a training summary). Same seed and data, same model."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The data set directory.")
  Path data;

  @Option(
      names = "--train-days",
      required = true,
      paramLabel = "A..B",
      description = "Days to learn from: day numbers (1..75) or ISO dates.")
  String trainDays;

  @Option(
      names = "--algo",
      defaultValue = "logreg",
      description = "logreg, xgboost or cart. Default: ${DEFAULT-VALUE}.")
  String algo;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed for sampling and training. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--negative-rate",
      defaultValue = "0.01",
      description =
          "Share of non-accessed candidates kept as examples (weighted by its inverse). Default: ${DEFAULT-VALUE}.")
  double negativeRate;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "BUNDLE.zip",
      description = "Where to write the bundle.")
  Path out;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Override
  public Integer call() {
    Algorithm algorithm = Algorithm.parse(algo);
    if (seed < 0) {
      throw new IllegalArgumentException("--seed must be >= 0, was " + seed);
    }
    if (!(negativeRate > 0 && negativeRate <= 1)) {
      throw new IllegalArgumentException(
          "--negative-rate must be within (0, 1], was " + negativeRate);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--out: directory " + parent + " does not exist");
    }
    DayRange days = DayRange.parse(trainDays, DataSetDirectory.open(data).info(), "--train-days");
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    long started = System.nanoTime();
    err.println("loading data set " + data + " ...");
    ReplayData replay = DataSets.load(data);
    String hash = DataSets.fingerprint(data);
    ModelTrainer.Result result;
    try (ProgressBar bar = bar("examples", days.days())) {
      result =
          new ModelTrainer(CandidateSettings.defaults())
              .train(replay, hash, days, algorithm, seed, negativeRate, done -> bar.step());
    }
    err.println(
        "training "
            + algorithm.wireName()
            + " on "
            + result.set().examples().size()
            + " examples ...");
    ModelTrainer.write(result, out);
    stdout.printf(
        Locale.ROOT,
        "model %s: %s on days %s, %,d user-days, %,d examples (%,d hits, %,d misses kept of %,d, weight %.0f),"
            + " candidate recall %.3f; %.0f s%n",
        out,
        algorithm.wireName(),
        days,
        result.set().userDays(),
        result.set().examples().size(),
        result.set().positives(),
        result.set().negativesKept(),
        result.set().negativesSeen(),
        result.set().negativeWeight(),
        result.set().candidateRecall(),
        (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private ProgressBar bar(String label, long total) {
    return quiet ? ProgressBar.silent() : ProgressBar.onStderr(label, total);
  }
}
