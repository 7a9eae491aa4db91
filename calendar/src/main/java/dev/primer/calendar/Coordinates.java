package dev.primer.calendar;

import dev.primer.territory.GeoPoint;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a position written as text: "lat;lon" (GEO) or "lat,lon" (a LOCATION that is a pin). */
public final class Coordinates {
  private static final Pattern LAT_LON =
      Pattern.compile("\\s*([+-]?\\d{1,3}(?:\\.\\d+)?)\\s*[,;]\\s*([+-]?\\d{1,3}(?:\\.\\d+)?)\\s*");

  private Coordinates() {}

  /** The position, if the whole text is a latitude and longitude in range. */
  public static Optional<GeoPoint> parse(String text) {
    Matcher m = LAT_LON.matcher(text.replace("\\", ""));
    if (!m.matches()) {
      return Optional.empty();
    }
    double lat = Double.parseDouble(m.group(1));
    double lon = Double.parseDouble(m.group(2));
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return Optional.empty();
    }
    return Optional.of(new GeoPoint(lat, lon));
  }
}
