package dev.primer.service.territory;

import java.util.List;
import java.util.Map;

/**
 * The coverage report of all stored territories: overlaps and gaps of at least {@code minAreaKm2},
 * the accounts each territory holds, and those outside every territory (ids sorted).
 */
public record CoverageAnswer(
    int territories,
    double coveredAreaKm2,
    double minAreaKm2,
    List<OverlapView> overlaps,
    int smallerOverlaps,
    List<GapView> gaps,
    int smallerGaps,
    Map<String, Integer> accountsPerTerritory,
    int accountsOutsideEveryTerritory,
    List<String> accountIdsOutsideEveryTerritory,
    List<String> repairedForAnalysis) {
  /** Two territories that share an area; lat/lon is a point inside it, when there is one. */
  public record OverlapView(String first, String second, double areaKm2, Double lat, Double lon) {}

  /** An uncovered area; enclosed gaps lie inside the covered area. */
  public record GapView(double areaKm2, boolean enclosed, Double lat, Double lon) {}
}
