package dev.primer.territory.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.territory.Fixtures;
import dev.primer.territory.Territory;
import dev.primer.territory.geojson.ReadOptions;
import dev.primer.territory.geojson.TerritoryGeoJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealWorldCoverageTest {
  @Test
  void findsNoOverlapBetweenDcZipCodeAreasAndCoversWhatTheCensusMeasured() {
    List<Territory> zctas =
        TerritoryGeoJson.read(
                Fixtures.geo("zcta2010_dc_district_of_columbia.geojson"),
                ReadOptions.defaults().withIdProperty("ZCTA5CE10"))
            .territories();
    double censusKm2 =
        zctas.stream()
                .mapToDouble(
                    t ->
                        ((Number) t.properties().get("ALAND10")).doubleValue()
                            + ((Number) t.properties().get("AWATER10")).doubleValue())
                .sum()
            / 1e6;

    CoverageReport report = new CoverageAnalysis().analyze(zctas);

    assertThat(report.overlaps()).isEmpty();
    assertThat(report.coveredAreaKm2()).isCloseTo(censusKm2, within(censusKm2 * 0.005));
  }

  @Test
  void findsTheOverlapsOfTheGeneralisedFloridaCounties() {
    List<Territory> counties =
        TerritoryGeoJson.read(
                Fixtures.geo("plotly_florida_county_data.geojson"),
                ReadOptions.defaults().withIdProperty("geoid"))
            .territories();

    CoverageReport report = new CoverageAnalysis().analyze(counties);

    assertThat(report.repairedForAnalysis()).containsExactly("05000US12077");
    // Monroe (12087) and Miami-Dade (12086) overlap most in this simplified outline.
    assertThat(report.overlaps().get(0).firstId()).isEqualTo("05000US12086");
    assertThat(report.overlaps().get(0).secondId()).isEqualTo("05000US12087");
    assertThat(report.gaps()).anyMatch(Gap::enclosed);
  }
}
