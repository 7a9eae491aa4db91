package dev.primer.territory;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/** A WGS 84 position in degrees. */
public record GeoPoint(double lat, double lon) {
  public GeoPoint {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("lat must be within [-90, 90], was " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("lon must be within [-180, 180], was " + lon);
    }
  }

  /** The point at a JTS coordinate (x = longitude, y = latitude), if it is a valid position. */
  public static Optional<GeoPoint> of(Coordinate coordinate) {
    return isValid(coordinate.y, coordinate.x)
        ? Optional.of(new GeoPoint(coordinate.y, coordinate.x))
        : Optional.empty();
  }

  /** Whether a latitude and longitude pair is a position on Earth. */
  public static boolean isValid(double lat, double lon) {
    return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
  }

  /** This point as a JTS coordinate: x = longitude, y = latitude. */
  public Coordinate toCoordinate() {
    return new Coordinate(lon, lat);
  }
}
