package dev.primer.territory;

/** What kind of problem a territory has; stable names that scripts may match on. */
public enum ProblemCode {
  /** A feature has no usable id; it is reported as {@code #N}, its index in the file. */
  MISSING_ID,
  /** A feature is not a JSON object with a geometry member, or its properties are not an object. */
  MALFORMED_FEATURE,
  /** The geometry is not a Polygon or MultiPolygon (or null); the feature is dropped. */
  UNSUPPORTED_GEOMETRY,
  /** A position is not an array of two or more numbers; the feature is dropped. */
  INVALID_COORDINATE,
  /** A ring's last position differs from its first; it is read as closed. */
  UNCLOSED_RING,
  /** A ring has fewer than three distinct positions. */
  TOO_SHORT_RING,
  /** The geometry has no area at all. */
  EMPTY_GEOMETRY,
  /** A latitude outside [-90, 90] or a longitude outside [-180, 180]. */
  COORDINATE_OUT_OF_RANGE,
  /** A ring crosses itself or another ring. */
  SELF_INTERSECTION,
  /** A hole is not inside the shell it belongs to. */
  HOLE_OUTSIDE_SHELL,
  /** A hole lies inside another hole. */
  NESTED_HOLES,
  /** Holes cut the polygon's interior into pieces. */
  DISCONNECTED_INTERIOR,
  /** Polygons of a MultiPolygon overlap or nest. */
  OVERLAPPING_POLYGONS,
  /** The same ring appears twice. */
  DUPLICATE_RING,
  /** Two or more territories share an id. */
  DUPLICATE_ID,
  /** More vertices than the configured limit. */
  TOO_MANY_VERTICES
}
