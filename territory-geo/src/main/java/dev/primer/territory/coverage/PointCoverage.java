package dev.primer.territory.coverage;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a set of points (such as accounts) falls among the territories.
 *
 * @param pointCount how many points were placed
 * @param pointsPerTerritory for every territory, sorted by id, how many points it contains (a point
 *     in two overlapping territories counts for both)
 * @param unassignedPointIds the ids of the points in no territory, in input order
 */
public record PointCoverage(
    int pointCount, Map<String, Integer> pointsPerTerritory, List<String> unassignedPointIds) {
  public PointCoverage {
    pointsPerTerritory = Collections.unmodifiableSortedMap(new TreeMap<>(pointsPerTerritory));
    unassignedPointIds = List.copyOf(unassignedPointIds);
  }
}
