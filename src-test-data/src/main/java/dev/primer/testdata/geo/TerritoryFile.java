package dev.primer.testdata.geo;

import dev.primer.territory.Territory;
import dev.primer.territory.geojson.TerritoryGeoJson;
import dev.primer.testdata.org.Organisation;
import java.nio.file.Path;
import java.util.List;

/** Writes the organisation's territories as a GeoJSON FeatureCollection. */
public final class TerritoryFile {
  private TerritoryFile() {}

  /** Writes {@code territories.geojson}; returns how many territories it holds. */
  public static int write(Organisation organisation, Path file) {
    List<Territory> territories =
        organisation.territories().stream()
            .map(TerritoryPlanner.PlannedTerritory::territory)
            .toList();
    TerritoryGeoJson.write(territories, file);
    return territories.size();
  }
}
