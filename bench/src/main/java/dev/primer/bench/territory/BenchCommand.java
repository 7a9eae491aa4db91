package dev.primer.bench.territory;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code primer territory bench}: how fast points are assigned to territories. */
@Command(
    name = "bench",
    header = "Measure how fast points are assigned to territories.",
    description = {
      "Generates territories (Voronoi cells over a region the size of the contiguous US, 50-500"
          + " vertices each, bent borders, some enclaves with holes and multipolygons, some"
          + " overlaps) and evenly spread points, then prints points/s on one thread and on all"
          + " cores and the speed-up over scanning every territory.",
      "The scans are timed on a sample and extrapolated; the output says so. Progress goes to"
          + " stderr, figures to stdout."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Spec CommandSpec spec;

  @Option(
      names = "--points",
      defaultValue = "1000000",
      description = "Points per run (default: ${DEFAULT-VALUE}).")
  int points;

  @Option(
      names = "--territories",
      defaultValue = "5000",
      description = "Territories to generate (default: ${DEFAULT-VALUE}).")
  int territories;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Timed runs per figure; the median is shown (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--scan-sample",
      defaultValue = "2000",
      description =
          "Points the slow scans are timed on (default: ${DEFAULT-VALUE}, at most --points).")
  int scanSample;

  @Override
  public Integer call() {
    // A bad setting is an IllegalArgumentException: bad usage, exit code 2.
    BenchSettings settings =
        new BenchSettings(points, territories, seed, rounds, Math.min(scanSample, points));
    new AssignmentBench(settings, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    return 0;
  }
}
