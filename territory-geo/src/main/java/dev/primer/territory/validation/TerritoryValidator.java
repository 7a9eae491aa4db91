package dev.primer.territory.validation;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.ProblemCode;
import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Finds what is wrong with territories and reports it as {@link TerritoryProblem}s, the way JTS's
 * {@code IsValidOp} reports a {@code TopologyValidationError} instead of throwing.
 *
 * <p>Checks: empty geometry, coordinates out of range (with a hint when latitude and longitude look
 * swapped or the shape runs past the antimeridian), self-intersections, holes outside their shell
 * and the other OGC validity rules (with the coordinate at fault), duplicate ids, and a warning for
 * more vertices than a configurable limit. Each polygon of a MultiPolygon is checked on its own, so
 * every broken polygon is reported, not just the first.
 */
public final class TerritoryValidator {
  /** Enough for a detailed county outline; beyond it assignment slows for little gain. */
  public static final int DEFAULT_MAX_VERTICES = 10_000;

  private final int maxVertices;

  /** A validator that warns above {@link #DEFAULT_MAX_VERTICES} vertices. */
  public TerritoryValidator() {
    this(DEFAULT_MAX_VERTICES);
  }

  /** A validator that warns when a territory has more than {@code maxVertices} vertices. */
  public TerritoryValidator(int maxVertices) {
    if (maxVertices < 4) {
      throw new IllegalArgumentException("maxVertices must be >= 4, was " + maxVertices);
    }
    this.maxVertices = maxVertices;
  }

  /** The problems of every territory, in list order, then the duplicate ids. */
  public List<TerritoryProblem> validate(List<Territory> territories) {
    List<TerritoryProblem> problems = new ArrayList<>();
    for (Territory territory : territories) {
      problems.addAll(validate(territory));
    }
    problems.addAll(duplicateIds(territories));
    return List.copyOf(problems);
  }

  /** The problems of one territory on its own (duplicate ids need the whole list). */
  public List<TerritoryProblem> validate(Territory territory) {
    List<TerritoryProblem> problems = new ArrayList<>();
    Geometry geometry = territory.geometry();
    if (geometry.isEmpty()) {
      problems.add(
          TerritoryProblem.error(
              territory.id(),
              ProblemCode.EMPTY_GEOMETRY,
              "empty geometry, the territory has no area"));
      return problems;
    }
    CoordinateRange.check(territory).ifPresent(problems::add);
    problems.addAll(topology(territory));
    if (territory.vertexCount() > maxVertices) {
      problems.add(
          TerritoryProblem.warning(
              territory.id(),
              ProblemCode.TOO_MANY_VERTICES,
              territory.vertexCount()
                  + " vertices, more than the limit of "
                  + maxVertices
                  + "; simplify it"));
    }
    return problems;
  }

  private static List<TerritoryProblem> topology(Territory territory) {
    Geometry geometry = territory.geometry();
    List<TerritoryProblem> problems = new ArrayList<>();
    boolean multi = geometry instanceof MultiPolygon;
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      TopologyValidationError error = new IsValidOp(geometry.getGeometryN(i)).getValidationError();
      if (error != null) {
        problems.add(problem(territory.id(), error, multi ? " in polygon " + (i + 1) : "", false));
      }
    }
    if (problems.isEmpty() && multi) {
      // Each polygon is fine on its own: what is left is how they lie against each other.
      TopologyValidationError error = new IsValidOp(geometry).getValidationError();
      if (error != null) {
        problems.add(problem(territory.id(), error, "", true));
      }
    }
    return problems;
  }

  private static TerritoryProblem problem(
      String id, TopologyValidationError error, String where, boolean betweenPolygons) {
    ProblemCode code = codeOf(error.getErrorType(), betweenPolygons);
    String what =
        switch (code) {
          case SELF_INTERSECTION ->
              error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION
                  ? "ring self-intersection"
                  : "self-intersection";
          case HOLE_OUTSIDE_SHELL -> "hole outside its shell";
          case NESTED_HOLES -> "hole inside another hole";
          case DISCONNECTED_INTERIOR -> "holes cut the interior in pieces";
          case OVERLAPPING_POLYGONS -> "polygons of the MultiPolygon overlap or share an edge";
          case DUPLICATE_RING -> "the same ring appears twice";
          case TOO_SHORT_RING -> "ring with fewer than 3 distinct points";
          case UNCLOSED_RING -> "ring not closed";
          default -> error.getMessage();
        };
    return TerritoryProblem.error(id, code, what + where, GeoPoint.of(error.getCoordinate()));
  }

  private static ProblemCode codeOf(int errorType, boolean betweenPolygons) {
    if (betweenPolygons
        && (errorType == TopologyValidationError.SELF_INTERSECTION
            || errorType == TopologyValidationError.NESTED_SHELLS)) {
      return ProblemCode.OVERLAPPING_POLYGONS;
    }
    return switch (errorType) {
      case TopologyValidationError.SELF_INTERSECTION,
          TopologyValidationError.RING_SELF_INTERSECTION ->
          ProblemCode.SELF_INTERSECTION;
      case TopologyValidationError.HOLE_OUTSIDE_SHELL -> ProblemCode.HOLE_OUTSIDE_SHELL;
      case TopologyValidationError.NESTED_HOLES -> ProblemCode.NESTED_HOLES;
      case TopologyValidationError.DISCONNECTED_INTERIOR -> ProblemCode.DISCONNECTED_INTERIOR;
      case TopologyValidationError.NESTED_SHELLS -> ProblemCode.OVERLAPPING_POLYGONS;
      case TopologyValidationError.DUPLICATE_RINGS -> ProblemCode.DUPLICATE_RING;
      case TopologyValidationError.TOO_FEW_POINTS -> ProblemCode.TOO_SHORT_RING;
      case TopologyValidationError.RING_NOT_CLOSED -> ProblemCode.UNCLOSED_RING;
      default -> ProblemCode.INVALID_COORDINATE;
    };
  }

  private static List<TerritoryProblem> duplicateIds(List<Territory> territories) {
    Map<String, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < territories.size(); i++) {
      positions.computeIfAbsent(territories.get(i).id(), id -> new ArrayList<>()).add(i + 1);
    }
    List<TerritoryProblem> problems = new ArrayList<>();
    positions.forEach(
        (id, at) -> {
          if (at.size() > 1) {
            problems.add(
                TerritoryProblem.error(
                    id,
                    ProblemCode.DUPLICATE_ID,
                    "duplicate id, shared by "
                        + at.size()
                        + " territories (positions "
                        + at.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " in the list, counting from 1)"));
          }
        });
    return problems;
  }
}
