package dev.primer.territory;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The one JTS geometry factory for territories: floating precision, SRID 4326, x = longitude. */
public final class Wgs84 {
  /** EPSG code of WGS 84 longitude/latitude, the only system GeoJSON (RFC 7946) allows. */
  public static final int SRID = 4326;

  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

  private Wgs84() {}

  /** The shared, thread-safe factory. */
  public static GeometryFactory geometryFactory() {
    return FACTORY;
  }
}
