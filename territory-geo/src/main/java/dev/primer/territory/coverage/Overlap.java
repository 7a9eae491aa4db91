package dev.primer.territory.coverage;

import dev.primer.territory.GeoPoint;
import java.util.Objects;
import java.util.Optional;

/**
 * Two territories that share area.
 *
 * @param firstId the id that sorts first
 * @param secondId the other id
 * @param areaKm2 the shared area
 * @param representativePoint a point inside the shared area, when it is a valid position
 */
public record Overlap(
    String firstId, String secondId, double areaKm2, Optional<GeoPoint> representativePoint) {
  public Overlap {
    Objects.requireNonNull(firstId, "firstId");
    Objects.requireNonNull(secondId, "secondId");
    Objects.requireNonNull(representativePoint, "representativePoint");
  }
}
