package dev.primer.territory.cli;

import dev.primer.territory.NamedPoint;
import dev.primer.territory.coverage.CoverageAnalysis;
import dev.primer.territory.coverage.CoverageReport;
import dev.primer.territory.geojson.GeoJsonReadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code primer territory report}: overlaps, gaps and, with points, who is where. */
@Command(
    name = "report",
    header = "Print overlaps, gaps and points per territory.",
    description = {
      "Prints how the territories cover the map: pairwise overlaps (km², which territories), gaps"
          + " inside the convex hull of all territories (km², a point inside, whether territories"
          + " enclose them), and with --points how many points each territory holds and which"
          + " points fall in none.",
      "Invalid territories are repaired in memory to be measured; validate says what is wrong."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:report printed (overlaps and gaps are findings, not failures)",
      "1:unusable input, or malformed rows in POINTS.csv (reported on stderr, skipped)",
      "2:bad usage"
    })
final class ReportCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Mixin GeoJsonInput input;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.geojson", description = "The territories.")
  Path file;

  @Option(
      names = "--points",
      paramLabel = "POINTS.csv",
      description = "Points to place (header id,lat,lon), such as accounts.")
  Optional<Path> points = Optional.empty();

  @Option(
      names = "--min-area-km2",
      paramLabel = "KM2",
      defaultValue = "" + CoverageAnalysis.DEFAULT_MIN_AREA_KM2,
      description =
          "List overlaps and gaps from this size up; smaller slivers are only counted (default:"
              + " ${DEFAULT-VALUE}).")
  double minAreaKm2;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Show at most N entries per list (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (!(minAreaKm2 >= 0) || Double.isInfinite(minAreaKm2)) {
      throw CliException.usage("--min-area-km2 must be a number >= 0, was " + minAreaKm2);
    }
    if (limit < 0) {
      throw CliException.usage("--limit must be >= 0, was " + limit);
    }
    PrintWriter stderr = spec.commandLine().getErr();
    GeoJsonReadResult read = input.readNotingProblems(file, stderr);
    CoverageAnalysis analysis = new CoverageAnalysis(minAreaKm2);
    CoverageReport report;
    int badRows = 0;
    if (points.isPresent()) {
      PointsCsv.Result rows = PointsCsv.read(points.get());
      for (PointsCsv.RowProblem problem : rows.problems()) {
        stderr.println(
            points.get().getFileName() + ":" + problem.line() + ": " + problem.message());
      }
      badRows = rows.problems().size();
      List<NamedPoint> placed = rows.points();
      try {
        report = analysis.analyze(read.territories(), placed);
      } catch (IllegalArgumentException e) {
        throw CliException.failure(file + ": " + e.getMessage() + " (see validate)");
      }
    } else {
      report = analysis.analyze(read.territories());
    }
    CoverageText.print(report, limit, spec.commandLine().getOut());
    return badRows == 0 ? 0 : CliException.FAILURE;
  }
}
