package dev.primer.territory.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.territory.Geodesy;
import dev.primer.territory.Territory;
import dev.primer.territory.Wkt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class TerritoryRepairTest {
  @Test
  void makesBowtieValidAndSaysWhatChanged() {
    RepairResult result =
        TerritoryRepair.repair(
            List.of(Wkt.territory("bow", "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")));

    Geometry repaired = result.territories().get(0).geometry();
    assertThat(repaired.isValid()).isTrue();
    assertThat(repaired.getNumGeometries()).isEqualTo(2);
    assertThat(result.changes())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.territoryId()).isEqualTo("bow");
              assertThat(change.description())
                  .startsWith(
                      "made valid (self-intersection at lat 1, lon 1): polygons 1 -> 2, vertices 5 -> 8");
            });
  }

  @Test
  void swapsLatitudeAndLongitudeBackWhenEveryPositionLooksSwapped() {
    RepairResult result =
        TerritoryRepair.repair(
            List.of(
                Wkt.territory(
                    "sea", "POLYGON ((47.5 -122.4, 47.7 -122.4, 47.7 -122.2, 47.5 -122.4))")));

    Geometry expected =
        Wkt.geometry("POLYGON ((-122.4 47.5, -122.4 47.7, -122.2 47.7, -122.4 47.5))");
    assertThat(result.territories().get(0).geometry().norm().toText())
        .isEqualTo(expected.norm().toText());
    assertThat(result.changes())
        .extracting(RepairChange::description)
        .containsExactly("swapped latitude and longitude, positions were [latitude, longitude]");
  }

  @Test
  void splitsShapeRunningPastTheAntimeridianIntoTwoPolygonsOnTheGlobe() {
    Territory straddling =
        Wkt.territory("bering", "POLYGON ((170 50, 190 50, 190 55, 170 55, 170 50))");

    RepairResult result = TerritoryRepair.repair(List.of(straddling));

    Geometry split = result.territories().get(0).geometry();
    assertThat(split.getNumGeometries()).isEqualTo(2);
    for (Coordinate c : split.getCoordinates()) {
      assertThat(c.x).isBetween(-180.0, 180.0);
    }
    assertThat(split.getEnvelopeInternal().getMinX()).isEqualTo(-180);
    assertThat(split.getEnvelopeInternal().getMaxX()).isEqualTo(180);
    assertThat(Geodesy.areaKm2(split))
        .isCloseTo(Geodesy.areaKm2(straddling.geometry()), within(1e-6));
    assertThat(new TerritoryValidator().validate(result.territories())).isEmpty();
  }

  @Test
  void leavesValidTerritoryAsItWas() {
    Territory valid = Wkt.territory("ok", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");

    RepairResult result = TerritoryRepair.repair(List.of(valid));

    assertThat(result.territories()).containsExactly(valid);
    assertThat(result.changes()).isEmpty();
  }

  @Test
  void keepsIdNameAndPropertiesOfRepairedTerritory() {
    Territory bowtie =
        new Territory(
            "bow",
            "Bow Tie",
            Wkt.geometry("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"),
            Map.of("rep", "u7"));

    Territory repaired = TerritoryRepair.repair(List.of(bowtie)).territories().get(0);

    assertThat(repaired.id()).isEqualTo("bow");
    assertThat(repaired.name()).isEqualTo("Bow Tie");
    assertThat(repaired.properties()).isEqualTo(Map.of("rep", "u7"));
  }
}
