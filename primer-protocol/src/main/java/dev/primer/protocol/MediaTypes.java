package dev.primer.protocol;

/** The media types the API speaks. */
public final class MediaTypes {
  /** Ordinary JSON bodies. */
  public static final String JSON = "application/json";

  /** Newline-delimited JSON: imports, records:fetch answers, telemetry. */
  public static final String NDJSON = "application/x-ndjson";

  /** RFC 9457 problem documents: every error answer. */
  public static final String PROBLEM = "application/problem+json";

  /** iCalendar bodies (a user's calendar). */
  public static final String CALENDAR = "text/calendar";

  /** Raw record content and blobs. */
  public static final String OCTETS = "application/octet-stream";

  /** Model bundles. */
  public static final String ZIP = "application/zip";

  /** GeoJSON territories. */
  public static final String GEOJSON = "application/geo+json";

  private MediaTypes() {}
}
