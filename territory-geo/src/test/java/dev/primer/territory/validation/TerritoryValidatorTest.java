package dev.primer.territory.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.ProblemCode;
import dev.primer.territory.Severity;
import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import dev.primer.territory.Wkt;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerritoryValidatorTest {
  private final TerritoryValidator validator = new TerritoryValidator();

  private List<TerritoryProblem> problemsOf(String wkt) {
    return validator.validate(Wkt.territory("t", wkt));
  }

  @Test
  void acceptsValidPolygonWithHole() {
    assertThat(problemsOf("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))"))
        .isEmpty();
  }

  @Test
  void rejectsSelfIntersectingTerritoryAtTheCrossing() {
    assertThat(problemsOf("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.SELF_INTERSECTION);
              assertThat(problem.severity()).isEqualTo(Severity.ERROR);
              assertThat(problem.location()).contains(new GeoPoint(1, 1));
              assertThat(problem.toLine()).isEqualTo("t: self-intersection, at lat 1, lon 1");
            });
  }

  @Test
  void rejectsRingThatTouchesItself() {
    assertThat(problemsOf("POLYGON ((0 0, 4 0, 2 2, 4 4, 0 4, 2 2, 0 0))"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.SELF_INTERSECTION);
              assertThat(problem.message()).isEqualTo("ring self-intersection");
              assertThat(problem.location()).contains(new GeoPoint(2, 2));
            });
  }

  @Test
  void reportsHoleOutsideItsShell() {
    assertThat(problemsOf("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0), (5 5, 6 5, 6 6, 5 6, 5 5))"))
        .extracting(TerritoryProblem::code)
        .containsExactly(ProblemCode.HOLE_OUTSIDE_SHELL);
  }

  @Test
  void reportsHoleInsideAnotherHole() {
    assertThat(
            problemsOf(
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 1 9, 9 9, 9 1, 1 1),"
                    + " (3 3, 3 6, 6 6, 6 3, 3 3))"))
        .extracting(TerritoryProblem::code)
        .containsExactly(ProblemCode.NESTED_HOLES);
  }

  @Test
  void reportsRingCollapsedByRepeatedPointsAsTooShort() {
    assertThat(problemsOf("POLYGON ((0 0, 1 1, 1 1, 0 0))"))
        .extracting(TerritoryProblem::code)
        .containsExactly(ProblemCode.TOO_SHORT_RING);
  }

  @Test
  void reportsEveryBrokenPolygonOfAMultiPolygon() {
    assertThat(
            problemsOf(
                "MULTIPOLYGON (((0 0, 2 2, 2 0, 0 2, 0 0)), ((10 0, 12 2, 12 0, 10 2, 10 0)))"))
        .extracting(TerritoryProblem::message)
        .containsExactly("self-intersection in polygon 1", "self-intersection in polygon 2");
  }

  @Test
  void reportsOverlappingPolygonsOfAMultiPolygon() {
    assertThat(
            problemsOf("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)))"))
        .extracting(TerritoryProblem::code)
        .containsExactly(ProblemCode.OVERLAPPING_POLYGONS);
  }

  @Test
  void reportsLatitudeOutOfRangeWithoutAHintWhenSwappingWouldNotHelp() {
    assertThat(problemsOf("POLYGON ((100 0, 101 0, 101 100, 100 0))"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.COORDINATE_OUT_OF_RANGE);
              assertThat(problem.message())
                  .isEqualTo("1 coordinate out of range, the first at lat 100, lon 101");
              assertThat(problem.location()).isEmpty();
            });
  }

  @Test
  void hintsThatLatitudeAndLongitudeLookSwapped() {
    // Seattle written as [lat, lon]: -122 cannot be a latitude.
    assertThat(problemsOf("POLYGON ((47.5 -122.4, 47.7 -122.4, 47.7 -122.2, 47.5 -122.4))"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.COORDINATE_OUT_OF_RANGE);
              assertThat(problem.message()).contains("latitude and longitude look swapped");
            });
  }

  @Test
  void hintsThatTheShapeRunsPastTheAntimeridian() {
    assertThat(problemsOf("POLYGON ((170 50, 190 50, 190 55, 170 55, 170 50))"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.message()).startsWith("2 coordinates out of range");
              assertThat(problem.message()).contains("past the antimeridian");
            });
  }

  @Test
  void reportsEmptyGeometry() {
    assertThat(problemsOf("MULTIPOLYGON EMPTY"))
        .extracting(TerritoryProblem::code)
        .containsExactly(ProblemCode.EMPTY_GEOMETRY);
  }

  @Test
  void reportsDuplicateIdsOnceWithTheirPositions() {
    String square = "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))";
    List<Territory> territories =
        List.of(Wkt.territory("a", square), Wkt.territory("b", square), Wkt.territory("a", square));

    assertThat(validator.validate(territories))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.territoryId()).isEqualTo("a");
              assertThat(problem.code()).isEqualTo(ProblemCode.DUPLICATE_ID);
              assertThat(problem.message()).contains("positions 1, 3");
            });
  }

  @Test
  void warnsAboutMoreVerticesThanTheConfiguredLimit() {
    Territory square = Wkt.territory("t", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");

    assertThat(new TerritoryValidator(5).validate(square)).isEmpty();
    assertThat(new TerritoryValidator(4).validate(square))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.TOO_MANY_VERTICES);
              assertThat(problem.severity()).isEqualTo(Severity.WARNING);
              assertThat(problem.toLine())
                  .isEqualTo("t: warning: 5 vertices, more than the limit of 4; simplify it");
            });
  }

  @Test
  void refusesAVertexLimitNoRingCouldMeet() {
    assertThatThrownBy(() -> new TerritoryValidator(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxVertices must be >= 4, was 3");
  }
}
