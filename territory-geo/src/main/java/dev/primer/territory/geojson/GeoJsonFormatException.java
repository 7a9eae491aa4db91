package dev.primer.territory.geojson;

/**
 * A document that is not GeoJSON at all (not JSON, or neither a Feature nor a FeatureCollection);
 * problems inside single features are reported as data instead.
 */
public class GeoJsonFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GeoJsonFormatException(String message) {
    super(message);
  }

  public GeoJsonFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
