package dev.primer.territory.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.ProblemCode;
import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import dev.primer.territory.Wkt;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Polygon;

class TerritoryGeoJsonTest {
  private static final String SQUARE = "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]";

  private static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  private static String feature(String properties, String type, String coordinates) {
    return "{\"type\":\"Feature\",\"properties\":"
        + properties
        + ",\"geometry\":{\"type\":\""
        + type
        + "\",\"coordinates\":"
        + coordinates
        + "}}";
  }

  @Test
  void readsIdNameAndPolygonFromFeatureCollection() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(
            collection(feature("{\"id\":\"north\",\"name\":\"North\"}", "Polygon", SQUARE)));

    assertThat(result.problems()).isEmpty();
    Territory north = result.territories().get(0);
    assertThat(north.id()).isEqualTo("north");
    assertThat(north.name()).isEqualTo("North");
    assertThat(north.geometry().equalsExact(Wkt.geometry("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")))
        .isTrue();
  }

  @Test
  void readsFromACharacterStream() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(new StringReader(feature("{\"id\":\"r\"}", "Polygon", SQUARE)));

    assertThat(result.territories()).extracting(Territory::id).containsExactly("r");
  }

  @Test
  void readsSingleFeature() {
    GeoJsonReadResult result = TerritoryGeoJson.read(feature("{\"id\":\"a\"}", "Polygon", SQUARE));

    assertThat(result.territories()).extracting(Territory::id).containsExactly("a");
  }

  @Test
  void readsMultiPolygonWithHole() {
    String coordinates =
        "[[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]],"
            + "[[[10,10],[11,10],[11,11],[10,11],[10,10]]]]";
    Territory territory =
        TerritoryGeoJson.read(feature("{\"id\":\"m\"}", "MultiPolygon", coordinates))
            .territories()
            .get(0);

    assertThat(territory.geometry().getNumGeometries()).isEqualTo(2);
    assertThat(((Polygon) territory.geometry().getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
  }

  @Test
  void takesIdFromFeatureIdWhenPropertiesHaveNone() {
    String json =
        "{\"type\":\"Feature\",\"id\":\"01\",\"properties\":{\"name\":\"Alabama\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + SQUARE
            + "}}";

    assertThat(TerritoryGeoJson.read(json).territories().get(0).id()).isEqualTo("01");
  }

  @Test
  void takesNumericFeatureIdAsText() {
    String json =
        "{\"type\":\"Feature\",\"id\":7,\"properties\":{},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + SQUARE
            + "}}";

    assertThat(TerritoryGeoJson.read(json).territories().get(0).id()).isEqualTo("7");
  }

  @Test
  void takesIdFromConfiguredProperty() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(
            feature("{\"ZCTA5CE10\":\"02903\"}", "Polygon", SQUARE),
            ReadOptions.defaults().withIdProperty("ZCTA5CE10"));

    assertThat(result.territories().get(0).id()).isEqualTo("02903");
    assertThat(result.territories().get(0).properties()).containsEntry("ZCTA5CE10", "02903");
  }

  @Test
  void keepsOtherPropertiesAndDropsJsonNulls() {
    Territory territory =
        TerritoryGeoJson.read(
                feature(
                    "{\"id\":\"a\",\"density\":94.65,\"tags\":[\"x\",\"y\"],\"meta\":{\"k\":1},"
                        + "\"note\":null,\"active\":true}",
                    "Polygon",
                    SQUARE))
            .territories()
            .get(0);

    assertThat(territory.properties())
        .containsOnlyKeys("density", "tags", "meta", "active")
        .containsEntry("density", 94.65)
        .containsEntry("tags", List.of("x", "y"))
        .containsEntry("meta", Map.of("k", 1))
        .containsEntry("active", true);
  }

  @Test
  void reportsFeatureWithoutIdByItsIndex() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(
            collection(
                feature("{\"id\":\"a\"}", "Polygon", SQUARE), feature("{}", "Polygon", SQUARE)));

    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.territoryId()).isEqualTo("#1");
              assertThat(problem.code()).isEqualTo(ProblemCode.MISSING_ID);
              assertThat(problem.isError()).isTrue();
            });
    assertThat(result.territories()).extracting(Territory::id).containsExactly("a", "#1");
  }

  @Test
  void reportsUnsupportedGeometryAndDropsTheFeature() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(collection(feature("{\"id\":\"p\"}", "Point", "[1,2]")));

    assertThat(result.territories()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.territoryId()).isEqualTo("p");
              assertThat(problem.code()).isEqualTo(ProblemCode.UNSUPPORTED_GEOMETRY);
              assertThat(problem.message()).contains("Point");
            });
  }

  @Test
  void readsNullGeometryAsEmptyTerritory() {
    String json = "{\"type\":\"Feature\",\"properties\":{\"id\":\"n\"},\"geometry\":null}";

    GeoJsonReadResult result = TerritoryGeoJson.read(json);

    assertThat(result.problems()).isEmpty();
    assertThat(result.territories().get(0).geometry().isEmpty()).isTrue();
  }

  @Test
  void closesUnclosedRingAndReportsWhere() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(feature("{\"id\":\"u\"}", "Polygon", "[[[0,0],[1,0],[1,1],[0,1]]]"));

    assertThat(result.territories().get(0).geometry().isValid()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.UNCLOSED_RING);
              assertThat(problem.message()).startsWith("shell is not closed");
              assertThat(problem.location()).contains(new GeoPoint(1, 0));
            });
  }

  @Test
  void dropsTooShortHoleAndReportsIt() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(
            feature(
                "{\"id\":\"s\"}",
                "Polygon",
                "[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,2],[1,1]]]"));

    assertThat(((Polygon) result.territories().get(0).geometry()).getNumInteriorRing()).isZero();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.TOO_SHORT_RING);
              assertThat(problem.message()).startsWith("hole 1 has 3 positions");
            });
  }

  @Test
  void reportsNonNumericCoordinateAndDropsTheFeature() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(
            feature("{\"id\":\"c\"}", "Polygon", "[[[0,0],[1,\"x\"],[1,1],[0,1],[0,0]]]"));

    assertThat(result.territories()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_COORDINATE);
              assertThat(problem.message()).startsWith("position 2 of shell is [1,\"x\"]");
            });
  }

  @Test
  void rejectsDocumentThatIsNotJsonWithLineAndColumn() {
    assertThatThrownBy(() -> TerritoryGeoJson.read("{\"type\":\n  oops}"))
        .isInstanceOf(GeoJsonFormatException.class)
        .hasMessageStartingWith("not JSON:")
        .hasMessageContaining("line 2");
  }

  @Test
  void rejectsBareGeometryAsDocument() {
    assertThatThrownBy(
            () -> TerritoryGeoJson.read("{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}"))
        .isInstanceOf(GeoJsonFormatException.class)
        .hasMessage("expected a GeoJSON FeatureCollection or Feature, found a Polygon");
  }

  @Test
  void writesByteIdenticalOutputForEqualTerritoriesWhateverThePropertyOrder() {
    Map<String, Object> forward = new LinkedHashMap<>();
    forward.put("zone", "b");
    forward.put("area", 12.5);
    Map<String, Object> backward = new LinkedHashMap<>();
    backward.put("area", 12.5);
    backward.put("zone", "b");
    String wkt = "POLYGON ((0.1 0.2, 1.123456789 0.2, 1 1, 0.1 0.2))";

    String first =
        TerritoryGeoJson.toJson(List.of(new Territory("t", "T", Wkt.geometry(wkt), forward)));
    String second =
        TerritoryGeoJson.toJson(List.of(new Territory("t", "T", Wkt.geometry(wkt), backward)));

    assertThat(first).isEqualTo(second);
    assertThat(first)
        .isEqualTo(
            "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{\"id\":\"t\",\"name\":\"T\",\"area\":12.5,"
                + "\"zone\":\"b\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0.1,0.2],[1.1234568,0.2],[1,1],[0.1,0.2]]]}}\n"
                + "]}\n");
  }

  @Test
  void writesShellsCounterClockwiseAndHolesClockwise() {
    Territory clockwise =
        Wkt.territory("cw", "POLYGON ((0 0, 0 4, 4 4, 4 0, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))");

    Polygon written =
        (Polygon)
            TerritoryGeoJson.read(TerritoryGeoJson.toFeatureJson(clockwise))
                .territories()
                .get(0)
                .geometry();

    assertThat(Orientation.isCCW(written.getExteriorRing().getCoordinates())).isTrue();
    assertThat(Orientation.isCCW(written.getInteriorRingN(0).getCoordinates())).isFalse();
    assertThat(written.norm().equalsExact(clockwise.geometry().norm())).isTrue();
  }

  @Test
  void roundTripsTerritoriesThroughAFile(@TempDir Path dir) throws Exception {
    List<Territory> territories =
        List.of(
            new Territory(
                "a",
                "Alpha",
                Wkt.geometry("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"),
                Map.of("rep", "u1")),
            Wkt.territory("b", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))"));
    Path file = dir.resolve("out.geojson");

    TerritoryGeoJson.write(territories, file);
    GeoJsonReadResult back = TerritoryGeoJson.read(file);

    assertThat(back.problems()).isEmpty();
    assertThat(back.territories()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(back.territories().get(i).geometry().norm().toText())
          .isEqualTo(territories.get(i).geometry().norm().toText());
    }
    assertThat(back.territories().get(0).properties()).isEqualTo(Map.of("rep", "u1"));
    assertThat(Files.readString(file)).isEqualTo(TerritoryGeoJson.toJson(back.territories()));
  }

  @Test
  void reportsProblemWithNoLocationWhenCoordinateIsOutOfRange() {
    GeoJsonReadResult result =
        TerritoryGeoJson.read(
            feature("{\"id\":\"far\"}", "Polygon", "[[[0,0],[1,0],[1,1],[0,95]]]"));

    TerritoryProblem unclosed = result.problems().get(0);
    assertThat(unclosed.code()).isEqualTo(ProblemCode.UNCLOSED_RING);
    assertThat(unclosed.location()).isEqualTo(Optional.empty());
  }
}
