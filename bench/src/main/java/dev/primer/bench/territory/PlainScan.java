package dev.primer.bench.territory;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.Wgs84;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;

/**
 * The baselines the index is measured against: test every territory for every point, either with
 * the plain JTS predicate or with an envelope check and a prepared locator per territory, but no
 * spatial index.
 */
final class PlainScan {
  private final List<Territory> territories;
  private final List<PointOnGeometryLocator> locators;

  /** Territories must be sorted by id, so results come out in the index's order. */
  PlainScan(List<Territory> territories) {
    this.territories = territories;
    this.locators = new ArrayList<>(territories.size());
    for (Territory territory : territories) {
      locators.add(new IndexedPointInAreaLocator(territory.geometry()));
    }
  }

  /** {@code Geometry.covers(point)} on every territory: what code without an index does. */
  List<String> assignPlain(GeoPoint point) {
    Point geometry = Wgs84.geometryFactory().createPoint(new Coordinate(point.lon(), point.lat()));
    List<String> ids = new ArrayList<>(2);
    for (Territory territory : territories) {
      if (territory.geometry().covers(geometry)) {
        ids.add(territory.id());
      }
    }
    return ids;
  }

  /** An envelope check, then a prepared locator, on every territory: no spatial index. */
  List<String> assignPrepared(GeoPoint point) {
    Coordinate position = new Coordinate(point.lon(), point.lat());
    List<String> ids = new ArrayList<>(2);
    for (int i = 0; i < locators.size(); i++) {
      if (territories.get(i).geometry().getEnvelopeInternal().covers(position)
          && locators.get(i).locate(position) != Location.EXTERIOR) {
        ids.add(territories.get(i).id());
      }
    }
    return ids;
  }
}
