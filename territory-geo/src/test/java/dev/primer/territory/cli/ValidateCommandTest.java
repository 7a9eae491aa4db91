package dev.primer.territory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.territory.Geodesy;
import dev.primer.territory.Wkt;
import dev.primer.territory.geojson.TerritoryGeoJson;
import dev.primer.territory.validation.TerritoryValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  private Path file(String json) throws Exception {
    Path file = dir.resolve("territories.geojson");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void exitsZeroAndPrintsNoProblemForACleanFile() throws Exception {
    Cli run = Cli.run("validate", file(Cli.collection(Cli.WEST, Cli.EAST)).toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("territories.geojson: 2 territories, 0 errors, 0 warnings\n");
  }

  @Test
  void printsOneLinePerProblemAndExitsOneOnErrors() throws Exception {
    Cli run = Cli.run("validate", file(Cli.collection(Cli.WEST, Cli.BOWTIE, Cli.WEST)).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .containsExactly(
            "bow: self-intersection, at lat 1, lon 1",
            "west: duplicate id, shared by 2 territories (positions 1, 3 in the list, counting"
                + " from 1)");
  }

  @Test
  void exitsZeroWhenThereAreOnlyWarnings() throws Exception {
    Cli run = Cli.run("validate", "--max-vertices", "4", file(Cli.collection(Cli.WEST)).toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines())
        .containsExactly("west: warning: 5 vertices, more than the limit of 4; simplify it");
  }

  @Test
  void reportsFeaturesWithoutIdsByIndexAndHintsAtTheIdOption() throws Exception {
    String noId =
        "{\"type\":\"Feature\",\"properties\":{\"ZIP\":\"02903\"},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}";

    Cli run = Cli.run("validate", file(Cli.collection(Cli.WEST, noId)).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .containsExactly(
            "#1: feature 1 has no id (properties.id or Feature id), named by its index");
    assertThat(run.err()).contains("hint: --id-property NAME takes ids from another property");
  }

  @Test
  void fixWritesTheRepairedFileAndSaysWhatChanged() throws Exception {
    Path fixed = dir.resolve("fixed.geojson");

    Cli run =
        Cli.run(
            "validate",
            file(Cli.collection(Cli.WEST, Cli.BOWTIE)).toString(),
            "--fix",
            "--out",
            fixed.toString());

    double twoTriangles =
        Geodesy.areaKm2(
            Wkt.geometry("MULTIPOLYGON (((0 0, 1 1, 0 2, 0 0)), ((2 0, 2 2, 1 1, 2 0)))"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines())
        .containsExactly(
            "bow: self-intersection, at lat 1, lon 1",
            String.format(
                Locale.ROOT,
                "bow: repaired: made valid (self-intersection at lat 1, lon 1): polygons 1 -> 2,"
                    + " vertices 5 -> 8, area now %.0f km²",
                twoTriangles));
    assertThat(new TerritoryValidator().validate(TerritoryGeoJson.read(fixed).territories()))
        .isEmpty();
    assertThat(run.err())
        .contains("wrote " + fixed + " with 1 territories repaired, 0 errors remain");
  }

  @Test
  void fixExitsOneWhenErrorsRemainAfterRepair() throws Exception {
    Cli run =
        Cli.run(
            "validate",
            file(Cli.collection(Cli.WEST, Cli.WEST)).toString(),
            "--fix",
            "--out",
            dir.resolve("fixed.geojson").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("1 errors remain (validate it to list them)");
  }

  @Test
  void fixWithoutOutIsAUsageError() throws Exception {
    Cli run = Cli.run("validate", file(Cli.collection(Cli.WEST)).toString(), "--fix");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("primer territory validate: --fix needs --out FIXED.geojson");
  }

  @Test
  void missingFileIsAUsageErrorOnOneLine() {
    Cli run = Cli.run("validate", dir.resolve("nope.geojson").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "primer territory validate: " + dir.resolve("nope.geojson") + ": no such file");
  }

  @Test
  void fileThatIsNotJsonFailsOnOneLine() throws Exception {
    Cli run = Cli.run("validate", file("{\"type\":").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString().contains("not JSON").contains("line 1");
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLine() {
    Cli run = Cli.run("validate", "--bogus", "x.geojson");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("primer territory validate: Unknown option: '--bogus' (see --help)");
  }

  @Test
  void helpDescribesTheOutputAndExitCodes() {
    Cli run = Cli.run("validate", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("prints each problem on one line: id: what, where")
        .contains("Exit codes:")
        .contains("--fix");
  }

  @Test
  void noCommandPrintsUsageAndExitsTwo() {
    Cli run = Cli.run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: primer territory");
  }
}
