package dev.primer.service.territory;

import java.util.List;
import java.util.Map;

/**
 * The coverage report of all stored territories: overlaps and gaps of at least {@code minAreaKm2},
 * and the accounts each territory holds.
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
    List<String> repairedForAnalysis) {
  /** Two territories that share an area. */
  public record OverlapView(String first, String second, double areaKm2) {}

  /** An uncovered area; enclosed gaps lie inside the covered area. */
  public record GapView(double areaKm2, boolean enclosed, Double lat, Double lon) {}
}
