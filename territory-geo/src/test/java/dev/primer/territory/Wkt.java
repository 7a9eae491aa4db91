package dev.primer.territory;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Test geometries as WKT, the way JTS's own tests write them: x = longitude, y = latitude. */
public final class Wkt {
  private Wkt() {}

  public static Geometry geometry(String wkt) {
    try {
      return new WKTReader(Wgs84.geometryFactory()).read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad WKT in test: " + wkt, e);
    }
  }

  public static Territory territory(String id, String wkt) {
    return new Territory(id, "", geometry(wkt));
  }
}
