package dev.primer.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerritoryTest {
  @Test
  void refusesAGeometryThatIsNotAnArea() {
    assertThatThrownBy(() -> new Territory("t", "", Wkt.geometry("LINESTRING (0 0, 1 1)")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("territory t: geometry must be a Polygon or MultiPolygon, was LineString");
  }

  @Test
  void refusesABlankId() {
    assertThatThrownBy(() -> new Territory(" ", "", Wkt.geometry("POLYGON EMPTY")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank, was ' '");
  }

  @Test
  void refusesPropertiesThatRepeatIdOrName() {
    assertThatThrownBy(
            () -> new Territory("t", "", Wkt.geometry("POLYGON EMPTY"), Map.of("name", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not repeat 'id' or 'name'");
  }

  @Test
  void keepsItsOwnCopyOfNestedProperties() {
    List<Object> tags = new ArrayList<>(List.of("north"));
    Map<String, Object> properties = new HashMap<>(Map.of("tags", tags));
    Territory territory = new Territory("t", "", Wkt.geometry("POLYGON EMPTY"), properties);

    tags.add("south");
    properties.put("rep", "u1");

    assertThat(territory.properties()).isEqualTo(Map.of("tags", List.of("north")));
    assertThatThrownBy(() -> territory.properties().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
