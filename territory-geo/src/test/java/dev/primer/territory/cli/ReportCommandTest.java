package dev.primer.territory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void printsOverlapsGapsAndPointsPerTerritory() throws Exception {
    Path territories = dir.resolve("t.geojson");
    // Eight cells of a 3x3 grid around an empty centre; "wide" overlaps two of them.
    StringBuilder features = new StringBuilder();
    for (int x = 0; x < 3; x++) {
      for (int y = 0; y < 3; y++) {
        if (x != 1 || y != 1) {
          features
              .append(
                  Cli.polygon(
                      "c" + x + y,
                      String.format(
                          "[[[%d,%d],[%d,%d],[%d,%d],[%d,%d],[%d,%d]]]",
                          x, y, x + 1, y, x + 1, y + 1, x, y + 1, x, y)))
              .append(",");
        }
      }
    }
    features.append(Cli.polygon("wide", "[[[0,0],[2,0],[2,0.5],[0,0.5],[0,0]]]"));
    Files.writeString(territories, Cli.collection(features.toString()));
    Path points = dir.resolve("p.csv");
    Files.writeString(points, "id,lat,lon\nin-c00,0.75,0.5\nin-hole,1.5,1.5\n");

    Cli run = Cli.run("report", territories.toString(), "--points", points.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("territories: 9, covering ")
        .contains("overlaps: 2 of 0.01 km² or more, 0 smaller")
        .contains("  c00 and wide share ")
        .contains("  c10 and wide share ")
        .contains("gaps inside the hull: 1 of 0.01 km² or more (1 enclosed by territories)")
        .contains("  enclosed 12,36")
        .contains("points: 2, 1 in no territory")
        .contains("  in no territory: in-hole")
        .contains("  c00  1\n");
  }

  @Test
  void exitsOneWhenPointRowsAreMalformedButStillReports() throws Exception {
    Path territories = dir.resolve("t.geojson");
    Files.writeString(territories, Cli.collection(Cli.WEST));
    Path points = dir.resolve("p.csv");
    Files.writeString(points, "id,lat,lon\nok,0.5,0.5\nbad,x,1\n");

    Cli run = Cli.run("report", territories.toString(), "--points", points.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("points: 1, 0 in no territory");
    assertThat(run.errLines()).containsExactly("p.csv:3: lat 'x' is not a number");
  }
}
