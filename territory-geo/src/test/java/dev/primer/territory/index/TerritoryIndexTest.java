package dev.primer.territory.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import dev.primer.territory.Territory;
import dev.primer.territory.Wkt;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TerritoryIndexTest {
  private static final Territory WEST =
      Wkt.territory("west", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
  private static final Territory EAST =
      Wkt.territory("east", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))");

  @Test
  void assignsPointInsideAPolygon() {
    TerritoryIndex index = TerritoryIndex.of(List.of(WEST, EAST));

    assertThat(index.assign(new GeoPoint(0.5, 0.25))).containsExactly("west");
  }

  @Test
  void assignsNothingOutsideEveryTerritory() {
    TerritoryIndex index = TerritoryIndex.of(List.of(WEST, EAST));

    assertThat(index.assign(new GeoPoint(5, 5))).isEmpty();
  }

  @Test
  void assignsNothingInsideAHoleButTheEnclaveThatFillsIt() {
    TerritoryIndex index =
        TerritoryIndex.of(
            List.of(
                Wkt.territory(
                    "ring", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 3, 3 3, 3 1, 1 1))"),
                Wkt.territory("enclave", "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))")));

    assertThat(index.assign(new GeoPoint(2, 2))).containsExactly("enclave");
    assertThat(index.assign(new GeoPoint(0.5, 0.5))).containsExactly("ring");
  }

  @Test
  void assignsPointOnASharedBoundaryToBothNeighboursSortedById() {
    TerritoryIndex index = TerritoryIndex.of(List.of(WEST, EAST));

    assertThat(index.assign(0.5, 1.0)).containsExactly("east", "west");
  }

  @Test
  void assignsACornerVertexToTheTerritory() {
    TerritoryIndex index = TerritoryIndex.of(List.of(WEST));

    assertThat(index.assign(0, 0)).containsExactly("west");
  }

  @Test
  void assignsPointInTheSecondPolygonOfAMultiPolygon() {
    TerritoryIndex index =
        TerritoryIndex.of(
            List.of(
                Wkt.territory(
                    "islands",
                    "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((10 10, 11 10, 11 11, 10 11, 10 10)))")));

    assertThat(index.assign(10.5, 10.5)).containsExactly("islands");
    assertThat(index.assign(5, 5)).isEmpty();
  }

  @Test
  void returnsEveryOverlappingTerritorySortedById() {
    TerritoryIndex index =
        TerritoryIndex.of(
            List.of(
                Wkt.territory("c", "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0))"),
                Wkt.territory("a", "POLYGON ((1 1, 4 1, 4 4, 1 4, 1 1))"),
                Wkt.territory("b", "POLYGON ((2 2, 5 2, 5 5, 2 5, 2 2))")));

    assertThat(index.assign(2.5, 2.5)).containsExactly("a", "b", "c");
  }

  @Test
  void rejectsPositionOffTheGlobe() {
    TerritoryIndex index = TerritoryIndex.of(List.of(WEST));

    assertThatThrownBy(() -> index.assign(91, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsDuplicateIds() {
    assertThatThrownBy(() -> TerritoryIndex.of(List.of(WEST, WEST)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate territory id 'west'");
  }

  @Test
  void bulkAssignmentMatchesSingleAssignmentInInputOrder() {
    List<Territory> grid = new ArrayList<>();
    for (int x = 0; x < 10; x++) {
      for (int y = 0; y < 10; y++) {
        grid.add(
            Wkt.territory(
                "t" + x + "-" + y,
                String.format(
                    "POLYGON ((%d %d, %d %d, %d %d, %d %d, %d %d))",
                    x, y, x + 1, y, x + 1, y + 1, x, y + 1, x, y)));
      }
    }
    TerritoryIndex index = TerritoryIndex.of(grid);
    SplittableRandom random = new SplittableRandom(7);
    List<GeoPoint> points = new ArrayList<>();
    // Enough points to take the parallel path; some fall outside the grid.
    for (int i = 0; i < TerritoryIndex.PARALLEL_THRESHOLD * 3; i++) {
      points.add(new GeoPoint(random.nextDouble(-1, 11), random.nextDouble(-1, 11)));
    }

    List<List<String>> bulk = index.assignAll(points);

    assertThat(bulk).hasSize(points.size());
    for (int i = 0; i < points.size(); i++) {
      assertThat(bulk.get(i)).isEqualTo(index.assign(points.get(i)));
    }
  }

  @Test
  void looksUpTerritoriesById() {
    TerritoryIndex index = TerritoryIndex.of(List.of(WEST, EAST));

    assertThat(index.territory("east")).contains(EAST);
    assertThat(index.territory("north")).isEmpty();
    assertThat(index.territories()).containsExactly(EAST, WEST);
  }

  @Test
  void measuresDistanceToTheNearestEdgeFromInside() {
    TerritoryIndex index =
        TerritoryIndex.of(List.of(Wkt.territory("sq", "POLYGON ((0 45, 1 45, 1 46, 0 46, 0 45))")));
    GeoPoint center = new GeoPoint(45.5, 0.5);
    // The nearest edges are the meridians 0.5° of longitude away: on the sphere the distance to
    // a meridian is asin(sin Δλ · cos φ).
    double expected =
        Geodesy.EARTH_RADIUS_METERS
            * Math.asin(Math.sin(Math.toRadians(0.5)) * Math.cos(Math.toRadians(45.5)));

    assertThat(index.distanceToBoundaryMeters("sq", center))
        .isCloseTo(expected, within(expected * 1e-3));
    assertThat(index.covers("sq", center)).isTrue();
  }

  @Test
  void measuresDistanceToTheBoundaryFromOutside() {
    TerritoryIndex index =
        TerritoryIndex.of(List.of(Wkt.territory("sq", "POLYGON ((0 45, 1 45, 1 46, 0 46, 0 45))")));
    GeoPoint south = new GeoPoint(44, 0.5);

    assertThat(index.distanceToBoundaryMeters("sq", south))
        .isCloseTo(Geodesy.distanceMeters(south, new GeoPoint(45, 0.5)), within(1e-3));
    assertThat(index.covers("sq", south)).isFalse();
  }

  @Test
  void measuresDistanceToAHoleEdge() {
    TerritoryIndex index =
        TerritoryIndex.of(
            List.of(
                Wkt.territory(
                    "ring", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 3, 3 3, 3 1, 1 1))")));
    GeoPoint inHole = new GeoPoint(2, 2);

    assertThat(index.distanceToBoundaryMeters("ring", inHole))
        .isCloseTo(Geodesy.distanceMeters(inHole, new GeoPoint(2, 1)), within(1.0));
  }

  @Test
  void measuresDistanceTheShortWayAcrossTheAntimeridian() {
    TerritoryIndex index =
        TerritoryIndex.of(
            List.of(Wkt.territory("east-edge", "POLYGON ((179 0, 180 0, 180 1, 179 1, 179 0))")));
    GeoPoint justWest = new GeoPoint(0.5, -179.9);

    assertThat(index.distanceToBoundaryMeters("east-edge", justWest))
        .isCloseTo(Geodesy.distanceMeters(justWest, new GeoPoint(0.5, 180)), within(1.0));
  }

  @Test
  void refusesDistanceToAnUnknownTerritory() {
    TerritoryIndex index = TerritoryIndex.of(List.of(WEST));

    assertThatThrownBy(() -> index.distanceToBoundaryMeters("nope", new GeoPoint(0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no territory with id 'nope'");
  }
}
