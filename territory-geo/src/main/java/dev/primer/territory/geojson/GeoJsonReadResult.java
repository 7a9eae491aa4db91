package dev.primer.territory.geojson;

import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import java.util.List;

/**
 * What reading a GeoJSON document gave: the territories that could be built, in file order, and the
 * problems found on the way (features that were dropped say so).
 */
public record GeoJsonReadResult(List<Territory> territories, List<TerritoryProblem> problems) {
  public GeoJsonReadResult {
    territories = List.copyOf(territories);
    problems = List.copyOf(problems);
  }

  /** Whether any problem is an error. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(TerritoryProblem::isError);
  }
}
