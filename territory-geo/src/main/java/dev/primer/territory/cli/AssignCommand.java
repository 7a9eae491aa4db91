package dev.primer.territory.cli;

import dev.primer.territory.NamedPoint;
import dev.primer.territory.geojson.GeoJsonReadResult;
import dev.primer.territory.index.TerritoryIndex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code primer territory assign}: the territories of every point in a CSV file. */
@Command(
    name = "assign",
    header = "Assign the points of a CSV file to territories.",
    description = {
      "Finds the territories of every point. POINTS.csv has the header id,lat,lon (columns in any"
          + " order, others ignored).",
      "Writes the header id,territories and one row per good point, in input order, with the ids"
          + " of every territory containing it (boundary included) sorted and joined by ';',"
          + " empty when none.",
      "A malformed row is reported on stderr as POINTS.csv:LINE: what, and skipped; every good"
          + " row is still written."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every row was assigned",
      "1:some rows were malformed (the good ones were written), or the input is unusable",
      "2:bad usage"
    })
final class AssignCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Mixin GeoJsonInput input;

  @Spec CommandSpec spec;

  @Option(
      names = "--territories",
      required = true,
      paramLabel = "FILE.geojson",
      description = "The territories.")
  Path territories;

  @Option(
      names = "--points",
      required = true,
      paramLabel = "POINTS.csv",
      description = "The points: id,lat,lon.")
  Path points;

  @Option(
      names = "--out",
      paramLabel = "OUT.csv",
      description = "Where to write the assignments (default: stdout).")
  Optional<Path> out = Optional.empty();

  @Override
  public Integer call() throws IOException {
    PrintWriter stderr = spec.commandLine().getErr();
    GeoJsonReadResult read = input.readNotingProblems(territories, stderr);
    TerritoryIndex index;
    try {
      index = TerritoryIndex.of(read.territories());
    } catch (IllegalArgumentException e) {
      throw CliException.failure(territories + ": " + e.getMessage() + " (see validate)");
    }
    PointsCsv.Result rows = PointsCsv.read(points);
    rows.problems()
        .forEach(
            problem ->
                stderr.println(
                    points.getFileName() + ":" + problem.line() + ": " + problem.message()));

    List<List<String>> assignments =
        index.assignAll(rows.points().stream().map(NamedPoint::position).toList());
    if (out.isPresent()) {
      try (BufferedWriter writer = Files.newBufferedWriter(out.get(), StandardCharsets.UTF_8)) {
        write(rows.points(), assignments, writer);
      } catch (IOException e) {
        throw CliException.failure(out.get() + ": cannot write it: " + e.getMessage());
      }
    } else {
      write(rows.points(), assignments, spec.commandLine().getOut());
    }

    long none = assignments.stream().filter(List::isEmpty).count();
    long several = assignments.stream().filter(ids -> ids.size() > 1).count();
    stderr.printf(
        "assigned %d points: %d in no territory, %d in two or more; %d malformed rows skipped%n",
        rows.points().size(), none, several, rows.problems().size());
    return rows.problems().isEmpty() ? 0 : CliException.FAILURE;
  }

  private static void write(List<NamedPoint> points, List<List<String>> assignments, Writer out)
      throws IOException {
    out.write("id,territories\n");
    for (int i = 0; i < points.size(); i++) {
      out.write(PointsCsv.quote(points.get(i).id()));
      out.write(',');
      out.write(PointsCsv.quote(String.join(";", assignments.get(i))));
      out.write('\n');
    }
    out.flush();
  }
}
