package dev.primer.territory.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import dev.primer.territory.NamedPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.Wkt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageAnalysisTest {
  private static Territory square(String id, int x, int y) {
    return Wkt.territory(
        id,
        String.format(
            "POLYGON ((%d %d, %d %d, %d %d, %d %d, %d %d))",
            x, y, x + 1, y, x + 1, y + 1, x, y + 1, x, y));
  }

  private static double cellKm2(int x, int y) {
    return Geodesy.areaKm2(square("cell", x, y).geometry());
  }

  @Test
  void reportsTheAreaTwoTerritoriesShare() {
    List<Territory> territories =
        List.of(
            Wkt.territory("b", "POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))"),
            Wkt.territory("a", "POLYGON ((1 0, 3 0, 3 1, 1 1, 1 0))"));

    CoverageReport report = new CoverageAnalysis().analyze(territories);

    assertThat(report.overlaps())
        .singleElement()
        .satisfies(
            overlap -> {
              assertThat(overlap.firstId()).isEqualTo("a");
              assertThat(overlap.secondId()).isEqualTo("b");
              assertThat(overlap.areaKm2()).isCloseTo(cellKm2(1, 0), within(1e-6));
              GeoPoint inside = overlap.representativePoint().orElseThrow();
              assertThat(inside.lon()).isBetween(1.0, 2.0);
            });
  }

  @Test
  void doesNotCountASharedBorderAsOverlap() {
    CoverageReport report =
        new CoverageAnalysis().analyze(List.of(square("west", 0, 0), square("east", 1, 0)));

    assertThat(report.overlaps()).isEmpty();
    assertThat(report.smallerOverlaps()).isZero();
  }

  @Test
  void reportsAnEnclosedGapInsideARingOfTerritories() {
    List<Territory> ring = new ArrayList<>();
    for (int x = 0; x < 3; x++) {
      for (int y = 0; y < 3; y++) {
        if (x != 1 || y != 1) {
          ring.add(square("t" + x + y, x, y));
        }
      }
    }

    CoverageReport report = new CoverageAnalysis().analyze(ring);

    assertThat(report.gaps())
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.enclosed()).isTrue();
              assertThat(gap.areaKm2()).isCloseTo(cellKm2(1, 1), within(1e-6));
              GeoPoint inside = gap.representativePoint().orElseThrow();
              assertThat(inside.lon()).isBetween(1.0, 2.0);
              assertThat(inside.lat()).isBetween(1.0, 2.0);
            });
  }

  @Test
  void reportsAnOpenGapInABayOfTheHull() {
    List<Territory> corner = List.of(square("a", 0, 0), square("b", 1, 0), square("c", 0, 1));

    CoverageReport report = new CoverageAnalysis().analyze(corner);

    // The hull cuts the missing cell diagonally: half of it is inside the hull.
    assertThat(report.gaps())
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.enclosed()).isFalse();
              assertThat(gap.areaKm2()).isCloseTo(cellKm2(1, 1) / 2, within(cellKm2(1, 1) * 0.01));
            });
  }

  @Test
  void countsGapsAndOverlapsBelowTheMinimumWithoutListingThem() {
    List<Territory> territories =
        List.of(
            Wkt.territory("b", "POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))"),
            Wkt.territory("a", "POLYGON ((1 0, 3 0, 3 1, 1 1, 1 0))"));

    CoverageReport report = new CoverageAnalysis(1e9).analyze(territories);

    assertThat(report.overlaps()).isEmpty();
    assertThat(report.smallerOverlaps()).isEqualTo(1);
  }

  @Test
  void measuresCoveredAndHullArea() {
    CoverageReport report =
        new CoverageAnalysis().analyze(List.of(square("a", 0, 0), square("b", 2, 0)));

    assertThat(report.coveredAreaKm2()).isCloseTo(cellKm2(0, 0) * 2, within(1e-6));
    assertThat(report.hullAreaKm2()).isCloseTo(cellKm2(0, 0) * 3, within(1e-6));
  }

  @Test
  void countsPointsPerTerritoryAndListsThoseInNone() {
    List<Territory> territories = List.of(square("west", 0, 0), square("east", 1, 0));
    List<NamedPoint> accounts =
        List.of(
            new NamedPoint("p1", new GeoPoint(0.5, 0.5)),
            new NamedPoint("p2", new GeoPoint(0.5, 0.6)),
            new NamedPoint("border", new GeoPoint(0.5, 1.0)),
            new NamedPoint("sea", new GeoPoint(5, 5)));

    PointCoverage points =
        new CoverageAnalysis().analyze(territories, accounts).points().orElseThrow();

    assertThat(points.pointCount()).isEqualTo(4);
    assertThat(points.pointsPerTerritory())
        .containsExactly(Map.entry("east", 1), Map.entry("west", 3));
    assertThat(points.unassignedPointIds()).containsExactly("sea");
  }

  @Test
  void countsTerritoriesWithoutPointsAsZero() {
    PointCoverage points =
        new CoverageAnalysis()
            .analyze(List.of(square("empty", 0, 0)), List.of())
            .points()
            .orElseThrow();

    assertThat(points.pointsPerTerritory()).containsExactly(Map.entry("empty", 0));
  }

  @Test
  void measuresInvalidTerritoryAfterRepairingItInMemory() {
    List<Territory> territories =
        List.of(Wkt.territory("bow", "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"), square("ok", 5, 5));

    CoverageReport report = new CoverageAnalysis().analyze(territories);

    assertThat(report.repairedForAnalysis()).containsExactly("bow");
    assertThat(report.points()).isEmpty();
  }
}
