package dev.primer.territory.coverage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a set of territories covers the map: where they overlap, where they leave gaps, and, when
 * points were given, where those fall.
 *
 * @param territoryCount how many territories were analysed
 * @param coveredAreaKm2 the area of their union
 * @param hullAreaKm2 the area of the convex hull of their union
 * @param minAreaKm2 overlaps and gaps smaller than this are only counted, not listed
 * @param overlaps pairwise overlaps of at least {@code minAreaKm2}, largest first
 * @param smallerOverlaps how many overlaps were smaller (slivers from digitising)
 * @param gaps uncovered areas of at least {@code minAreaKm2} inside the hull: enclosed ones first,
 *     then largest first
 * @param smallerGaps how many gaps were smaller
 * @param repairedForAnalysis ids of invalid territories that were made valid in memory so they
 *     could be measured (the validator says what is wrong with them)
 * @param points where the points fell, when points were given
 */
public record CoverageReport(
    int territoryCount,
    double coveredAreaKm2,
    double hullAreaKm2,
    double minAreaKm2,
    List<Overlap> overlaps,
    int smallerOverlaps,
    List<Gap> gaps,
    int smallerGaps,
    List<String> repairedForAnalysis,
    Optional<PointCoverage> points) {
  public CoverageReport {
    overlaps = List.copyOf(overlaps);
    gaps = List.copyOf(gaps);
    repairedForAnalysis = List.copyOf(repairedForAnalysis);
    Objects.requireNonNull(points, "points");
  }
}
