package dev.primer.territory.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.territory.Fixtures;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.geojson.ReadOptions;
import dev.primer.territory.geojson.TerritoryGeoJson;
import dev.primer.territory.validation.TerritoryRepair;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Assignments on real files against places whose state or ZIP code is known independently (the
 * capitol of a state is in that state; a university's own ZIP code covers its campus).
 */
class RealWorldAssignmentTest {
  private static TerritoryIndex zctas(String file) {
    return TerritoryIndex.of(
        TerritoryGeoJson.read(
                Fixtures.geo(file), ReadOptions.defaults().withIdProperty("ZCTA5CE10"))
            .territories());
  }

  private static TerritoryIndex states() {
    return TerritoryIndex.of(
        TerritoryGeoJson.read(Fixtures.geo("us-states_leaflet.geojson")).territories());
  }

  @Test
  void findsTheRhodeIslandStateHouseInProvidence02903() {
    assertThat(zctas("zcta2010_ri_rhode_island.geojson").assign(41.8309, -71.4149))
        .containsExactly("02903");
  }

  @Test
  void findsRhodeIslandPlacesInTheirZipCodeAreas() {
    TerritoryIndex index = zctas("zcta2010_ri_rhode_island.geojson");

    assertThat(index.assign(41.8268, -71.4025)).as("Brown University").containsExactly("02912");
    assertThat(index.assign(41.4901, -71.3128)).as("Newport City Hall").containsExactly("02840");
    assertThat(index.assign(41.17, -71.57)).as("Block Island").containsExactly("02807");
  }

  @Test
  void assignsACampusInsideAHoleToTheEnclaveNotTheSurroundingArea() {
    TerritoryIndex index = zctas("zcta2010_dc_district_of_columbia.geojson");
    GeoPoint healyHall = new GeoPoint(38.9076, -77.0723);
    GeoPoint mcMahonHall = new GeoPoint(38.9364, -76.9990);

    // Georgetown University (20057) is a hole in 20007; Catholic University (20064) in 20017.
    assertThat(index.assign(healyHall)).containsExactly("20057");
    assertThat(index.covers("20007", healyHall)).isFalse();
    assertThat(index.assign(mcMahonHall)).containsExactly("20064");
    assertThat(index.covers("20017", mcMahonHall)).isFalse();
  }

  @Test
  void findsStateCapitalsInTheirStates() {
    TerritoryIndex index = states();

    assertThat(index.assign(38.5767, -121.4934)).as("Sacramento").containsExactly("06");
    assertThat(index.assign(30.2747, -97.7404)).as("Austin").containsExactly("48");
    assertThat(index.assign(30.4381, -84.2816)).as("Tallahassee").containsExactly("12");
    assertThat(index.assign(39.7393, -104.9848)).as("Denver").containsExactly("08");
    assertThat(index.assign(39.7983, -89.6549)).as("Springfield").containsExactly("17");
    assertThat(index.assign(41.8309, -71.4149)).as("Providence").containsExactly("44");
    assertThat(index.assign(42.6526, -73.7573)).as("Albany").containsExactly("36");
    assertThat(index.assign(38.8899, -77.0091)).as("Washington").containsExactly("11");
  }

  @Test
  void findsCapitalsInTheSelfIntersectingStates() {
    TerritoryIndex index = states();

    assertThat(index.assign(38.9786, -76.4909)).as("Annapolis").containsExactly("24");
    assertThat(index.assign(37.5387, -77.4335)).as("Richmond").containsExactly("51");
    assertThat(index.assign(58.3019, -134.4197)).as("Juneau").containsExactly("02");
  }

  @Test
  void findsAPointOnAnotherIslandOfAMultiPolygonState() {
    assertThat(states().assign(22.0742, -159.4981))
        .as("Mount Waialeale, Kauai")
        .containsExactly("15");
  }

  @Test
  void findsTheAleutiansPastTheAntimeridianOnlyAfterRepair() {
    List<Territory> states =
        TerritoryGeoJson.read(Fixtures.geo("us-states_leaflet.geojson")).territories();
    // The file's westernmost Aleutian island is written at -188.9° to -187.1°, i.e. 171.1° E to
    // 172.9° E; -188° is 172° E.
    GeoPoint attu = new GeoPoint(52.9, -188 + 360);

    assertThat(TerritoryIndex.of(states).assign(attu)).isEmpty();
    assertThat(TerritoryIndex.of(TerritoryRepair.repair(states).territories()).assign(attu))
        .containsExactly("02");
  }
}
