package dev.primer.testdata.geo;

import dev.primer.territory.GeoPoint;
import org.locationtech.jts.geom.Coordinate;

/**
 * An equirectangular projection around a metro's centre, in kilometres: accurate to well under a
 * percent across a metro, which is all the generator needs to lay out shapes.
 */
public record LocalProjection(GeoPoint origin) {
  private static final double KM_PER_DEGREE_LAT = 110.574;
  private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.320;

  private double kmPerDegreeLon() {
    return KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(origin.lat()));
  }

  /** The position of a point {@code x} km east and {@code y} km north of the origin. */
  public GeoPoint toGeo(double x, double y) {
    return new GeoPoint(
        round(origin.lat() + y / KM_PER_DEGREE_LAT), round(origin.lon() + x / kmPerDegreeLon()));
  }

  /** A JTS coordinate (x = lon, y = lat) for a point in kilometres. */
  public Coordinate toLonLat(Coordinate km) {
    GeoPoint p = toGeo(km.x, km.y);
    return new Coordinate(p.lon(), p.lat());
  }

  /** The kilometre offsets of a position. */
  public Coordinate toKm(GeoPoint p) {
    return new Coordinate(
        (p.lon() - origin.lon()) * kmPerDegreeLon(), (p.lat() - origin.lat()) * KM_PER_DEGREE_LAT);
  }

  /** Rounds to 1e-6 degrees (about 10 cm), so that shared vertices stay exactly shared. */
  private static double round(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }
}
