package dev.primer.territory.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.territory.Territory;
import dev.primer.territory.geojson.TerritoryGeoJson;
import dev.primer.territory.validation.TerritoryValidator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class SyntheticTerritoriesTest {
  private static final List<Territory> TERRITORIES = SyntheticTerritories.generate(300, 21);

  @Test
  void writesByteIdenticalGeoJsonForTheSameSeed() {
    assertThat(TerritoryGeoJson.toJson(SyntheticTerritories.generate(300, 21)))
        .isEqualTo(TerritoryGeoJson.toJson(TERRITORIES));
    assertThat(TerritoryGeoJson.toJson(SyntheticTerritories.generate(300, 22)))
        .isNotEqualTo(TerritoryGeoJson.toJson(TERRITORIES));
  }

  @Test
  void generatesValidTerritoriesWithRealisticVertexCounts() {
    assertThat(new TerritoryValidator().validate(TERRITORIES)).isEmpty();
    // 50-500 before enclaves and growth add a few.
    assertThat(TERRITORIES).allSatisfy(t -> assertThat(t.vertexCount()).isBetween(50, 700));
  }

  @Test
  void includesHolesAndMultiPolygons() {
    assertThat(TERRITORIES)
        .anyMatch(t -> t.geometry() instanceof Polygon p && p.getNumInteriorRing() > 0)
        .anyMatch(t -> t.geometry() instanceof MultiPolygon);
  }

  @Test
  void numbersTerritoriesInIdOrder() {
    assertThat(TERRITORIES.get(0).id()).isEqualTo("T001");
    assertThat(TERRITORIES.get(299).id()).isEqualTo("T300");
  }
}
