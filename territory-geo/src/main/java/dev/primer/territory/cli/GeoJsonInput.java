package dev.primer.territory.cli;

import dev.primer.territory.ProblemCode;
import dev.primer.territory.TerritoryProblem;
import dev.primer.territory.geojson.GeoJsonFormatException;
import dev.primer.territory.geojson.GeoJsonReadResult;
import dev.primer.territory.geojson.ReadOptions;
import dev.primer.territory.geojson.TerritoryGeoJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How commands read a territory file: the id and name options and the errors they give. */
final class GeoJsonInput {
  @Option(
      names = "--id-property",
      paramLabel = "NAME",
      description =
          "Take territory ids from this property (default: properties.id, then the Feature id),"
              + " e.g. ZCTA5CE10 for Census ZIP code areas.")
  Optional<String> idProperty = Optional.empty();

  @Option(
      names = "--name-property",
      paramLabel = "NAME",
      description = "Take territory names from this property (default: properties.name).")
  Optional<String> nameProperty = Optional.empty();

  GeoJsonReadResult read(Path file) {
    requireFile(file);
    ReadOptions options = ReadOptions.defaults();
    options = idProperty.map(options::withIdProperty).orElse(options);
    options = nameProperty.map(options::withNameProperty).orElse(options);
    try {
      return TerritoryGeoJson.read(file, options);
    } catch (GeoJsonFormatException e) {
      throw CliException.failure(file + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw CliException.failure(file + ": cannot read it: " + e.getCause().getMessage());
    }
  }

  /** Reads the file and notes any problems reading it on {@code err}, one per line. */
  GeoJsonReadResult readNotingProblems(Path file, PrintWriter err) {
    GeoJsonReadResult result = read(file);
    for (TerritoryProblem problem : result.problems()) {
      err.println(file.getFileName() + ": " + problem.toLine());
    }
    hintAtIdProperty(result, err);
    return result;
  }

  /** When features lack ids, names the option that takes them from elsewhere, once. */
  void hintAtIdProperty(GeoJsonReadResult result, PrintWriter err) {
    boolean missingIds =
        result.problems().stream().anyMatch(problem -> problem.code() == ProblemCode.MISSING_ID);
    if (missingIds && idProperty.isEmpty()) {
      String properties =
          result.territories().stream()
              .findFirst()
              .map(
                  territory ->
                      " (the first feature has: "
                          + String.join(", ", territory.properties().keySet())
                          + ")")
              .orElse("");
      err.println("hint: --id-property NAME takes ids from another property" + properties);
    }
  }

  /** A missing input file is a usage error: the command was pointed at the wrong place. */
  static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage(file + ": no such file");
    }
  }
}
