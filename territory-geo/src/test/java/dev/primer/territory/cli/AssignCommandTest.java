package dev.primer.territory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {
  @TempDir Path dir;
  private Path territories;

  @BeforeEach
  void writeTerritories() throws Exception {
    territories = dir.resolve("territories.geojson");
    Files.writeString(
        territories,
        Cli.collection(
            Cli.WEST, Cli.EAST, Cli.polygon("big", "[[[0,0],[5,0],[5,5],[0,5],[0,0]]]")));
  }

  private Path points(String csv) throws Exception {
    Path file = dir.resolve("points.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void writesOneRowPerPointInInputOrder() throws Exception {
    Path out = dir.resolve("out.csv");

    Cli run =
        Cli.run(
            "assign",
            "--territories",
            territories.toString(),
            "--points",
            points("id,lat,lon\nb,0.5,1.5\nsea,9,9\na,0.5,0.5\nborder,0.5,1\n").toString(),
            "--out",
            out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo("id,territories\nb,big;east\nsea,\na,big;west\nborder,big;east;west\n");
    assertThat(run.err())
        .isEqualTo(
            "assigned 4 points: 1 in no territory, 3 in two or more; 0 malformed rows skipped\n");
  }

  @Test
  void writesToStdoutWithoutOut() throws Exception {
    Cli run =
        Cli.run(
            "assign",
            "--territories",
            territories.toString(),
            "--points",
            points("id,lat,lon\np,3,3\n").toString());

    assertThat(run.out()).isEqualTo("id,territories\np,big\n");
  }

  @Test
  void reportsMalformedRowsWithLineNumbersAndKeepsEveryGoodRow() throws Exception {
    String csv =
        "id,lat,lon\n"
            + "good1,3,3\n"
            + "bad-number,abc,3\n"
            + "\n"
            + "short,3\n"
            + "good2,0.5,0.5\n"
            + "off-globe,95,3\n"
            + ",3,3\n"
            + "\"open,3,3\n"
            + "nan,NaN,3\n"
            + "good3,9,9\n";

    Cli run =
        Cli.run(
            "assign", "--territories", territories.toString(), "--points", points(csv).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .containsExactly("id,territories", "good1,big", "good2,big;west", "good3,");
    assertThat(run.errLines())
        .containsExactly(
            "points.csv:3: lat 'abc' is not a number",
            "points.csv:5: expected 3 fields like the header, found 2",
            "points.csv:7: lat 95, lon 3 is not a position (lat within [-90, 90], lon within"
                + " [-180, 180]); lat and lon look swapped",
            "points.csv:8: empty id",
            "points.csv:9: unterminated quoted field",
            "points.csv:10: lat 'NaN' is not a number",
            "assigned 3 points: 1 in no territory, 1 in two or more; 6 malformed rows skipped");
  }

  @Test
  void readsAQuotedIdOverTwoLinesAndNamesTheLinesAfterItRight() throws Exception {
    String csv = "id,lat,lon\n\"two\nlines\",3,3\nbad,abc,3\n\"ab\"x,3,3\ngood,3,3\n";

    Cli run =
        Cli.run(
            "assign", "--territories", territories.toString(), "--points", points(csv).toString());

    assertThat(run.outLines())
        .containsExactly("id,territories", "\"two", "lines\",big", "good,big");
    assertThat(run.errLines())
        .containsExactly(
            "points.csv:4: lat 'abc' is not a number",
            "points.csv:5: not CSV: Unexpected character ('x' (code 120)): Expected column"
                + " separator character (',' (code 44)) or end-of-line",
            "assigned 2 points: 0 in no territory, 0 in two or more; 2 malformed rows skipped");
  }

  @Test
  void readsColumnsInAnyOrderAndQuotesIdsThatNeedIt() throws Exception {
    Cli run =
        Cli.run(
            "assign",
            "--territories",
            territories.toString(),
            "--points",
            points("\uFEFFlon,note,LAT,id\n3,x,3,\"Smith, \"\"Jr\"\"\"\n").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("id,territories", "\"Smith, \"\"Jr\"\"\",big");
  }

  @Test
  void failsWhenThePointsFileHasNoHeader() throws Exception {
    Cli run =
        Cli.run(
            "assign",
            "--territories",
            territories.toString(),
            "--points",
            points("p,3,3\n").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "primer territory assign: points.csv:1: expected the header id,lat,lon, found 'p,3,3'");
  }

  @Test
  void failsOnDuplicateTerritoryIds() throws Exception {
    Files.writeString(territories, Cli.collection(Cli.WEST, Cli.WEST));

    Cli run =
        Cli.run(
            "assign",
            "--territories",
            territories.toString(),
            "--points",
            points("id,lat,lon\np,3,3\n").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString().contains("duplicate territory id 'west'");
  }

  @Test
  void missingOptionIsAUsageError() {
    Cli run = Cli.run("assign", "--territories", territories.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("--points");
  }
}
