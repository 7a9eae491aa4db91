package dev.primer.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.territory.geojson.ReadOptions;
import dev.primer.territory.geojson.TerritoryGeoJson;
import org.junit.jupiter.api.Test;

/** The Census Bureau publishes each ZIP code area's size; our spherical areas must agree. */
class RealWorldAreaTest {
  @Test
  void measuresRhodeIslandZipCodeAreasAsTheCensusDid() {
    for (Territory zcta :
        TerritoryGeoJson.read(
                Fixtures.geo("zcta2010_ri_rhode_island.geojson"),
                ReadOptions.defaults().withIdProperty("ZCTA5CE10"))
            .territories()) {
      double censusKm2 =
          (((Number) zcta.properties().get("ALAND10")).doubleValue()
                  + ((Number) zcta.properties().get("AWATER10")).doubleValue())
              / 1e6;

      assertThat(Geodesy.areaKm2(zcta.geometry()))
          .as(zcta.id())
          .isCloseTo(censusKm2, within(censusKm2 * 0.01));
    }
  }
}
