package dev.primer.territory.index;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Distance from a point to a territory boundary on the sphere: for each boundary segment the
 * closest point is found in a flat projection centred on the point (accurate at territory scale),
 * and its great-circle distance is measured; the smallest wins.
 */
final class BoundaryDistance {
  private BoundaryDistance() {}

  /** The distance to the nearest ring of a Polygon or MultiPolygon; infinite when empty. */
  static double meters(Geometry geometry, GeoPoint point) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) geometry.getGeometryN(i);
      if (polygon.isEmpty()) {
        continue;
      }
      best = Math.min(best, toRing(polygon.getExteriorRing().getCoordinates(), point));
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        best = Math.min(best, toRing(polygon.getInteriorRingN(h).getCoordinates(), point));
      }
    }
    return best;
  }

  private static double toRing(Coordinate[] ring, GeoPoint point) {
    // Equirectangular projection around the point: x shrinks with the cosine of latitude.
    double cosLat = Math.max(Math.cos(Math.toRadians(point.lat())), 1e-12);
    double best = Double.POSITIVE_INFINITY;
    for (int i = 1; i < ring.length; i++) {
      double ax = wrap(ring[i - 1].x - point.lon()) * cosLat;
      double ay = ring[i - 1].y - point.lat();
      double bx = wrap(ring[i].x - point.lon()) * cosLat;
      double by = ring[i].y - point.lat();
      double dx = bx - ax;
      double dy = by - ay;
      double lengthSquared = dx * dx + dy * dy;
      double t = lengthSquared == 0 ? 0 : clamp(-(ax * dx + ay * dy) / lengthSquared);
      double closestLat = point.lat() + ay + t * dy;
      double closestLon = point.lon() + (ax + t * dx) / cosLat;
      best =
          Math.min(best, Geodesy.distanceMeters(point.lat(), point.lon(), closestLat, closestLon));
    }
    return best;
  }

  /** A longitude difference brought into [-180, 180), so shapes near ±180 measure the short way. */
  private static double wrap(double degrees) {
    return degrees - 360 * Math.floor((degrees + 180) / 360);
  }

  private static double clamp(double t) {
    return Math.max(0, Math.min(1, t));
  }
}
