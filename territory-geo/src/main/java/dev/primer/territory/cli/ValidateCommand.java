package dev.primer.territory.cli;

import dev.primer.territory.TerritoryProblem;
import dev.primer.territory.geojson.GeoJsonReadResult;
import dev.primer.territory.geojson.TerritoryGeoJson;
import dev.primer.territory.validation.RepairChange;
import dev.primer.territory.validation.RepairResult;
import dev.primer.territory.validation.TerritoryRepair;
import dev.primer.territory.validation.TerritoryValidator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code primer territory validate}: every problem of a territory file, one per line. */
@Command(
    name = "validate",
    header = "Check a territory file and print one line per problem.",
    description = {
      "Checks a territory GeoJSON file and prints each problem on one line: id: what, where.",
      "Features without an id are named #N, their index in the file (from 0).",
      "With --fix, also writes a repaired copy and prints one line per change: id: repaired: what."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors (warnings allowed); with --fix: the repaired file has no errors",
      "1:errors found; with --fix: errors remain in the repaired file",
      "2:bad usage"
    })
final class ValidateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Mixin GeoJsonInput input;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.geojson", description = "The file to check.")
  Path file;

  @Option(
      names = "--fix",
      description =
          "Repair what can be repaired (invalid geometry, swapped lat/lon, shapes past the"
              + " antimeridian) and write the result to --out.")
  boolean fix;

  @Option(names = "--out", paramLabel = "FIXED.geojson", description = "Where --fix writes.")
  Optional<Path> out = Optional.empty();

  @Option(
      names = "--max-vertices",
      paramLabel = "N",
      defaultValue = "" + TerritoryValidator.DEFAULT_MAX_VERTICES,
      description =
          "Warn about territories with more vertices than this (default: ${DEFAULT-VALUE}).")
  int maxVertices;

  @Override
  public Integer call() {
    if (fix && out.isEmpty()) {
      throw CliException.usage("--fix needs --out FIXED.geojson");
    }
    if (!fix && out.isPresent()) {
      throw CliException.usage("--out only makes sense with --fix");
    }
    if (maxVertices < 4) {
      throw CliException.usage("--max-vertices must be >= 4, was " + maxVertices);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    GeoJsonReadResult read = input.read(file);
    TerritoryValidator validator = new TerritoryValidator(maxVertices);
    List<TerritoryProblem> problems = new ArrayList<>(read.problems());
    problems.addAll(validator.validate(read.territories()));
    problems.forEach(problem -> stdout.println(problem.toLine()));
    input.hintAtIdProperty(read, stderr);
    long errors = problems.stream().filter(TerritoryProblem::isError).count();
    String summary =
        String.format(
            "%s: %d territories, %d errors, %d warnings",
            file.getFileName(), read.territories().size(), errors, problems.size() - errors);
    if (!fix) {
      stderr.println(summary);
      return errors > 0 ? CliException.FAILURE : 0;
    }

    RepairResult repaired = TerritoryRepair.repair(read.territories());
    repaired.changes().forEach(change -> stdout.println(change.toLine()));
    try {
      TerritoryGeoJson.write(repaired.territories(), out.get());
    } catch (UncheckedIOException e) {
      throw CliException.failure(out.get() + ": cannot write it: " + e.getCause().getMessage());
    }
    long remaining =
        validator.validate(repaired.territories()).stream()
            .filter(TerritoryProblem::isError)
            .count();
    long changed = repaired.changes().stream().map(RepairChange::territoryId).distinct().count();
    stderr.printf(
        "%s; wrote %s with %d territories repaired, %d errors remain%s%n",
        summary, out.get(), changed, remaining, remaining > 0 ? " (validate it to list them)" : "");
    return remaining > 0 ? CliException.FAILURE : 0;
  }
}
