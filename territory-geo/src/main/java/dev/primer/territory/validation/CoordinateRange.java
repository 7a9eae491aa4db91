package dev.primer.territory.validation;

import dev.primer.territory.Degrees;
import dev.primer.territory.ProblemCode;
import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Finds coordinates off the globe and guesses why: latitude and longitude swapped, or a shape that
 * runs past the antimeridian instead of being split there.
 */
final class CoordinateRange {
  private CoordinateRange() {}

  /** What a territory's coordinates look like as a whole. */
  enum Diagnosis {
    IN_RANGE,
    /** Every coordinate would be in range with x and y swapped, and some are not as they stand. */
    SWAPPED,
    /** Latitudes are fine; some longitudes pass ±180 but stay within one more turn. */
    PAST_ANTIMERIDIAN,
    OUT_OF_RANGE
  }

  static Diagnosis diagnose(Geometry geometry) {
    boolean inRange = true;
    boolean swappedInRange = true;
    boolean latitudesInRange = true;
    boolean longitudesWithinOneTurn = true;
    for (Coordinate c : geometry.getCoordinates()) {
      boolean latOk = Math.abs(c.y) <= 90;
      boolean lonOk = Math.abs(c.x) <= 180;
      inRange &= latOk && lonOk;
      swappedInRange &= Math.abs(c.x) <= 90 && Math.abs(c.y) <= 180;
      latitudesInRange &= latOk;
      longitudesWithinOneTurn &= Math.abs(c.x) <= 540;
    }
    if (inRange) {
      return Diagnosis.IN_RANGE;
    }
    if (swappedInRange) {
      return Diagnosis.SWAPPED;
    }
    return latitudesInRange && longitudesWithinOneTurn
        ? Diagnosis.PAST_ANTIMERIDIAN
        : Diagnosis.OUT_OF_RANGE;
  }

  /** One problem for all of a territory's coordinates that are out of range, if any are. */
  static Optional<TerritoryProblem> check(Territory territory) {
    Diagnosis diagnosis = diagnose(territory.geometry());
    if (diagnosis == Diagnosis.IN_RANGE) {
      return Optional.empty();
    }
    int count = 0;
    Coordinate first = null;
    for (Coordinate c : territory.geometry().getCoordinates()) {
      if (Math.abs(c.y) > 90 || Math.abs(c.x) > 180) {
        count++;
        if (first == null) {
          first = c;
        }
      }
    }
    String hint =
        switch (diagnosis) {
          case SWAPPED ->
              "; latitude and longitude look swapped: GeoJSON positions are [longitude, latitude]";
          case PAST_ANTIMERIDIAN ->
              "; the shape runs past the antimeridian: split it at ±180 (repair does)";
          default -> "";
        };
    return Optional.of(
        TerritoryProblem.error(
            territory.id(),
            ProblemCode.COORDINATE_OUT_OF_RANGE,
            count
                + (count == 1 ? " coordinate" : " coordinates")
                + " out of range, the first at lat "
                + Degrees.format(first.y)
                + ", lon "
                + Degrees.format(first.x)
                + hint));
  }
}
