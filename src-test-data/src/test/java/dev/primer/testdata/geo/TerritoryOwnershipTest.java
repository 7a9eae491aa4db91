package dev.primer.testdata.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.User;
import dev.primer.territory.Territory;
import dev.primer.territory.geojson.GeoJsonReadResult;
import dev.primer.territory.geojson.TerritoryGeoJson;
import dev.primer.territory.index.TerritoryIndex;
import dev.primer.territory.validation.TerritoryValidator;
import dev.primer.testdata.generate.SmallOrganisation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class TerritoryOwnershipTest {
  private final SmallOrganisation small = SmallOrganisation.get();

  @Test
  void everyAccountLiesInItsOwnersTerritoryExceptTheConfiguredExceptions() {
    TerritoryIndex index = TerritoryIndex.of(read().territories());
    Map<String, User> users = new HashMap<>();
    small.dataSet().users().forEach(u -> users.put(u.id(), u));

    int outside = 0;
    for (Account account : small.dataSet().accounts()) {
      boolean inOwners =
          users.get(account.ownerId()).territoryIds().stream()
              .anyMatch(t -> index.covers(t, account.location()));
      if (!inOwners) {
        outside++;
      }
    }
    long expected =
        small.info().counts().get("accountsOutsideTerritories")
            + small.info().counts().get("accountsOwnedElsewhere");
    assertThat(outside).isEqualTo(expected);
    assertThat(expected).isBetween(1L, small.dataSet().accounts().size() / 20L);
  }

  @Test
  void territoriesIncludeMultipolygonsHolesAndOverlaps() {
    GeoJsonReadResult file = read();
    assertThat(file.problems()).isEmpty();
    assertThat(new TerritoryValidator().validate(file.territories())).isEmpty();
    List<Geometry> shapes = file.territories().stream().map(Territory::geometry).toList();
    assertThat(shapes).allSatisfy(g -> assertThat(g.isValid()).isTrue());
    assertThat(shapes).anyMatch(g -> g instanceof MultiPolygon);
    assertThat(shapes)
        .anyMatch(
            g -> {
              for (int i = 0; i < g.getNumGeometries(); i++) {
                if (((Polygon) g.getGeometryN(i)).getNumInteriorRing() > 0) {
                  return true;
                }
              }
              return false;
            });
    boolean overlap = false;
    for (int i = 0; i < shapes.size() && !overlap; i++) {
      for (int j = i + 1; j < shapes.size() && !overlap; j++) {
        overlap = shapes.get(i).intersection(shapes.get(j)).getArea() > 1e-6;
      }
    }
    assertThat(overlap).isTrue();
    assertThat(shapes.stream().mapToInt(Geometry::getNumPoints).max().orElse(0)).isGreaterThan(100);
  }

  private GeoJsonReadResult read() {
    return TerritoryGeoJson.read(small.dataSet().territoriesFile());
  }
}
