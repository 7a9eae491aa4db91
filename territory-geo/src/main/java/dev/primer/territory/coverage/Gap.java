package dev.primer.territory.coverage;

import dev.primer.territory.GeoPoint;
import java.util.Objects;
import java.util.Optional;

/**
 * An area inside the convex hull of all territories that no territory covers.
 *
 * @param areaKm2 its area
 * @param representativePoint a point inside it, when it is a valid position
 * @param enclosed true when territories surround it on all sides (a hole in their union), false
 *     when it opens onto the hull's edge (a bay between outlying territories)
 */
public record Gap(double areaKm2, Optional<GeoPoint> representativePoint, boolean enclosed) {
  public Gap {
    Objects.requireNonNull(representativePoint, "representativePoint");
  }
}
