package dev.primer.territory.index;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The longitude/latitude boxes that hold every point within a radius of a centre on the sphere: one
 * box, or two when the circle crosses the antimeridian, or a full band of longitude when it reaches
 * a pole.
 */
final class SearchBox {
  private SearchBox() {}

  static List<Envelope> around(GeoPoint center, double radiusMeters) {
    double angle = radiusMeters / Geodesy.EARTH_RADIUS_METERS;
    if (angle >= Math.PI) {
      return List.of(new Envelope(-180, 180, -90, 90));
    }
    double angleDegrees = Math.toDegrees(angle);
    double south = center.lat() - angleDegrees;
    double north = center.lat() + angleDegrees;
    if (south <= -90 || north >= 90) {
      // The circle holds a pole, so it spans every longitude.
      return List.of(new Envelope(-180, 180, Math.max(south, -90), Math.min(north, 90)));
    }
    // The widest longitude offset on a circle of angular radius r around latitude phi is
    // asin(sin r / cos phi); the ratio stays below 1 because the circle misses the poles.
    double halfWidth =
        Math.toDegrees(Math.asin(Math.sin(angle) / Math.cos(Math.toRadians(center.lat()))));
    double west = center.lon() - halfWidth;
    double east = center.lon() + halfWidth;
    if (west < -180) {
      return List.of(
          new Envelope(west + 360, 180, south, north), new Envelope(-180, east, south, north));
    }
    if (east > 180) {
      return List.of(
          new Envelope(west, 180, south, north), new Envelope(-180, east - 360, south, north));
    }
    return List.of(new Envelope(west, east, south, north));
  }
}
