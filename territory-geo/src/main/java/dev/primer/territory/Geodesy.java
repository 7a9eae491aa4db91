package dev.primer.territory;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFilter;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Distances and areas on a spherical Earth for WGS 84 degrees.
 *
 * <p>A sphere of the mean radius is off from the ellipsoid by at most about 0.5 %, which is far
 * below what territory boundaries drawn by hand are off by.
 */
public final class Geodesy {
  /** The IUGG mean Earth radius. */
  public static final double EARTH_RADIUS_METERS = 6_371_008.8;

  private Geodesy() {}

  /** The great-circle distance in metres. */
  public static double distanceMeters(GeoPoint a, GeoPoint b) {
    return distanceMeters(a.lat(), a.lon(), b.lat(), b.lon());
  }

  /**
   * The great-circle distance in metres between two latitude/longitude pairs in degrees, by the
   * spherical form of Vincenty's formula: unlike haversine it stays accurate to the millimetre for
   * nearly antipodal points as well as for nearby ones.
   */
  public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double deltaLambda = Math.toRadians(lon2 - lon1);
    double sinPhi1 = Math.sin(phi1);
    double cosPhi1 = Math.cos(phi1);
    double sinPhi2 = Math.sin(phi2);
    double cosPhi2 = Math.cos(phi2);
    double cosDeltaLambda = Math.cos(deltaLambda);
    double y1 = cosPhi2 * Math.sin(deltaLambda);
    double y2 = cosPhi1 * sinPhi2 - sinPhi1 * cosPhi2 * cosDeltaLambda;
    double x = sinPhi1 * sinPhi2 + cosPhi1 * cosPhi2 * cosDeltaLambda;
    return EARTH_RADIUS_METERS * Math.atan2(Math.sqrt(y1 * y1 + y2 * y2), x);
  }

  /**
   * The area in square metres of the polygons in a geometry whose x is longitude and y latitude
   * (holes subtracted). Lines and points have no area. Uses the spherical ring-area formula of
   * Chamberlain and Duquette (2007), exact for edges that run along meridians and parallels.
   */
  public static double areaSquareMeters(Geometry geometry) {
    double[] total = {0};
    geometry.apply(
        (GeometryFilter)
            component -> {
              if (component instanceof Polygon polygon && !polygon.isEmpty()) {
                total[0] += polygonArea(polygon);
              }
            });
    return total[0];
  }

  private static double polygonArea(Polygon polygon) {
    double area = Math.abs(ringArea(polygon.getExteriorRing()));
    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
      area -= Math.abs(ringArea(polygon.getInteriorRingN(h)));
    }
    return area;
  }

  /** {@link #areaSquareMeters} in square kilometres. */
  public static double areaKm2(Geometry geometry) {
    return areaSquareMeters(geometry) / 1e6;
  }

  private static double ringArea(LinearRing ring) {
    Coordinate[] c = ring.getCoordinates();
    int n = c.length - 1; // the closing point repeats the first
    if (n < 3) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      Coordinate previous = c[(i + n - 1) % n];
      Coordinate next = c[(i + 1) % n];
      sum += Math.toRadians(next.x - previous.x) * Math.sin(Math.toRadians(c[i].y));
    }
    return sum * EARTH_RADIUS_METERS * EARTH_RADIUS_METERS / 2;
  }
}
