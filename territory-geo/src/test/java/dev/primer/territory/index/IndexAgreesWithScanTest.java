package dev.primer.territory.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.territory.Fixtures;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.Wgs84;
import dev.primer.territory.bench.SyntheticTerritories;
import dev.primer.territory.geojson.ReadOptions;
import dev.primer.territory.geojson.TerritoryGeoJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The index answers most points from a grid of remembered answers; whatever path a point takes, the
 * answer must be the one JTS's plain {@code covers} gives when asked about every territory.
 */
class IndexAgreesWithScanTest {
  private static List<String> scan(List<Territory> territories, GeoPoint point) {
    Point geometry = Wgs84.geometryFactory().createPoint(point.toCoordinate());
    return territories.stream()
        .filter(t -> t.geometry().covers(geometry))
        .map(Territory::id)
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  private static void assertAgreement(List<Territory> territories, List<GeoPoint> points) {
    TerritoryIndex index = TerritoryIndex.of(territories);
    List<List<String>> bulk = index.assignAll(points);
    for (int i = 0; i < points.size(); i++) {
      List<String> expected = scan(territories, points.get(i));
      assertThat(index.assign(points.get(i))).as("%s", points.get(i)).isEqualTo(expected);
      assertThat(bulk.get(i)).as("bulk %s", points.get(i)).isEqualTo(expected);
    }
  }

  /** Random points in the envelope, plus every nth vertex: points exactly on a boundary. */
  private static List<GeoPoint> probes(
      List<Territory> territories, int count, long seed, int vertexStep) {
    Envelope extent = new Envelope();
    territories.forEach(t -> extent.expandToInclude(t.geometry().getEnvelopeInternal()));
    SplittableRandom random = new SplittableRandom(seed);
    List<GeoPoint> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(
          new GeoPoint(
              random.nextDouble(extent.getMinY(), extent.getMaxY()),
              random.nextDouble(extent.getMinX(), extent.getMaxX())));
    }
    for (Territory territory : territories) {
      Coordinate[] vertices = territory.geometry().getCoordinates();
      for (int v = 0; v < vertices.length; v += vertexStep) {
        GeoPoint.of(vertices[v]).ifPresent(points::add);
      }
    }
    return points;
  }

  @Test
  void agreesWithAScanOnGeneratedTerritoriesWithHolesAndOverlaps() {
    List<Territory> territories = SyntheticTerritories.generate(300, 11);

    assertAgreement(territories, probes(territories, 20_000, 5, 10));
  }

  @Test
  void agreesWithAScanOnRhodeIslandZipCodeAreas() {
    List<Territory> zctas =
        TerritoryGeoJson.read(
                Fixtures.geo("zcta2010_ri_rhode_island.geojson"),
                ReadOptions.defaults().withIdProperty("ZCTA5CE10"))
            .territories();

    assertAgreement(zctas, probes(zctas, 3_000, 9, 50));
  }
}
