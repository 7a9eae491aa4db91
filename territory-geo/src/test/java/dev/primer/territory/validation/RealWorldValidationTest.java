package dev.primer.territory.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.territory.Fixtures;
import dev.primer.territory.ProblemCode;
import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import dev.primer.territory.geojson.GeoJsonReadResult;
import dev.primer.territory.geojson.ReadOptions;
import dev.primer.territory.geojson.TerritoryGeoJson;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fixtures' README says what is broken in each file; the validator must find exactly that. */
class RealWorldValidationTest {
  private final TerritoryValidator validator = new TerritoryValidator();

  private static Map<String, List<ProblemCode>> errorsById(List<TerritoryProblem> problems) {
    return problems.stream()
        .filter(TerritoryProblem::isError)
        .collect(
            Collectors.groupingBy(
                TerritoryProblem::territoryId,
                Collectors.mapping(TerritoryProblem::code, Collectors.toList())));
  }

  @Test
  void findsAlaskaMarylandAndVirginiaBrokenAndAlaskaPastTheAntimeridian() {
    List<Territory> states =
        TerritoryGeoJson.read(Fixtures.geo("us-states_leaflet.geojson")).territories();

    List<TerritoryProblem> problems = validator.validate(states);

    Map<String, List<ProblemCode>> errors = errorsById(problems);
    assertThat(errors.keySet()).containsExactlyInAnyOrder("02", "24", "51");
    assertThat(errors.get("02"))
        .containsExactly(ProblemCode.COORDINATE_OUT_OF_RANGE, ProblemCode.OVERLAPPING_POLYGONS);
    assertThat(errors.get("24")).containsExactly(ProblemCode.SELF_INTERSECTION);
    assertThat(errors.get("51")).containsExactly(ProblemCode.SELF_INTERSECTION);
    assertThat(problems.get(0).message()).contains("past the antimeridian");
  }

  @Test
  void repairLeavesNoErrorInTheUsStates() {
    List<Territory> states =
        TerritoryGeoJson.read(Fixtures.geo("us-states_leaflet.geojson")).territories();

    RepairResult repaired = TerritoryRepair.repair(states);

    assertThat(validator.validate(repaired.territories())).isEmpty();
    assertThat(repaired.changes())
        .extracting(RepairChange::territoryId)
        .containsOnly("02", "24", "51");
  }

  @Test
  void findsLibertyAsTheOnlyInvalidFloridaCounty() {
    GeoJsonReadResult counties =
        TerritoryGeoJson.read(
            Fixtures.geo("plotly_florida_county_data.geojson"),
            ReadOptions.defaults().withIdProperty("geoid"));

    Map<String, List<ProblemCode>> errors = errorsById(validator.validate(counties.territories()));

    assertThat(errors).hasSize(1);
    String id = errors.keySet().iterator().next();
    Territory county =
        counties.territories().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    assertThat(county.name()).isEqualTo("Liberty County, FL");
  }

  @Test
  void findsNothingWrongWithTheZipCodeAreasOfRhodeIslandAndDc() {
    for (String file :
        List.of("zcta2010_ri_rhode_island.geojson", "zcta2010_dc_district_of_columbia.geojson")) {
      GeoJsonReadResult zctas =
          TerritoryGeoJson.read(
              Fixtures.geo(file), ReadOptions.defaults().withIdProperty("ZCTA5CE10"));

      assertThat(zctas.problems()).as(file).isEmpty();
      assertThat(validator.validate(zctas.territories())).as(file).isEmpty();
    }
  }
}
