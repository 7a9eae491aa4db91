package dev.primer.territory.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.ProblemCode;
import dev.primer.territory.TerritoryProblem;
import dev.primer.territory.Wgs84;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns a GeoJSON geometry object into a JTS Polygon or MultiPolygon, reporting what JTS itself
 * cannot hold: unclosed rings (read as closed) and rings too short to be rings (dropped).
 */
final class GeometryReader {
  private static final GeometryFactory FACTORY = Wgs84.geometryFactory();

  private final String territoryId;
  private final List<TerritoryProblem> problems;

  GeometryReader(String territoryId, List<TerritoryProblem> problems) {
    this.territoryId = territoryId;
    this.problems = problems;
  }

  /** The geometry, or empty when the feature cannot be a territory (the reason is reported). */
  Optional<Geometry> read(JsonNode geometry) {
    if (geometry == null || geometry.isNull()) {
      // RFC 7946 allows unlocated features; the validator reports the empty area.
      return Optional.of(FACTORY.createMultiPolygon());
    }
    String type = geometry.path("type").asText("");
    try {
      return switch (type) {
        case "Polygon" ->
            Optional.of(
                readPolygon(coordinatesOf(geometry), Optional.empty())
                    .orElseGet(FACTORY::createPolygon));
        case "MultiPolygon" -> Optional.of(readMultiPolygon(coordinatesOf(geometry)));
        default -> {
          problems.add(
              TerritoryProblem.error(
                  territoryId,
                  ProblemCode.UNSUPPORTED_GEOMETRY,
                  (type.isEmpty() ? "geometry has no type" : type + " is not an area")
                      + ", a territory must be a Polygon or MultiPolygon; feature dropped"));
          yield Optional.empty();
        }
      };
    } catch (BadCoordinates e) {
      problems.add(
          TerritoryProblem.error(
              territoryId, ProblemCode.INVALID_COORDINATE, e.getMessage() + "; feature dropped"));
      return Optional.empty();
    }
  }

  private static JsonNode coordinatesOf(JsonNode geometry) throws BadCoordinates {
    JsonNode coordinates = geometry.get("coordinates");
    if (coordinates == null || !coordinates.isArray()) {
      throw new BadCoordinates("geometry has no coordinates array");
    }
    return coordinates;
  }

  private Geometry readMultiPolygon(JsonNode polygons) throws BadCoordinates {
    List<Polygon> parts = new ArrayList<>();
    for (int p = 0; p < polygons.size(); p++) {
      JsonNode rings = polygons.get(p);
      if (!rings.isArray()) {
        throw new BadCoordinates("polygon " + (p + 1) + " is not an array of rings");
      }
      readPolygon(rings, Optional.of(p + 1)).ifPresent(parts::add);
    }
    return FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  /** The polygon, or empty when its shell is unusable. */
  private Optional<Polygon> readPolygon(JsonNode rings, Optional<Integer> polygonNumber)
      throws BadCoordinates {
    if (rings.isEmpty()) {
      return Optional.empty();
    }
    String of = polygonNumber.map(n -> " of polygon " + n).orElse("");
    Optional<LinearRing> shell = readRing(rings.get(0), "shell" + of);
    List<LinearRing> holes = new ArrayList<>();
    for (int h = 1; h < rings.size(); h++) {
      readRing(rings.get(h), "hole " + h + of).ifPresent(holes::add);
    }
    if (shell.isEmpty()) {
      if (!holes.isEmpty()) {
        problems.add(
            TerritoryProblem.error(
                territoryId,
                ProblemCode.TOO_SHORT_RING,
                "polygon"
                    + polygonNumber.map(n -> " " + n).orElse("")
                    + " dropped with its holes because its shell is unusable"));
      }
      return Optional.empty();
    }
    return Optional.of(FACTORY.createPolygon(shell.get(), holes.toArray(LinearRing[]::new)));
  }

  /** The ring, closed if it was not; empty (and reported) when it is too short to be a ring. */
  private Optional<LinearRing> readRing(JsonNode positions, String ringName) throws BadCoordinates {
    if (!positions.isArray()) {
      throw new BadCoordinates(ringName + " is not an array of positions");
    }
    List<Coordinate> coordinates = new ArrayList<>(positions.size() + 1);
    for (int i = 0; i < positions.size(); i++) {
      coordinates.add(readPosition(positions.get(i), ringName, i));
    }
    if (!coordinates.isEmpty()
        && !coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
      Coordinate first = coordinates.get(0);
      Coordinate last = coordinates.get(coordinates.size() - 1);
      problems.add(
          TerritoryProblem.error(
              territoryId,
              ProblemCode.UNCLOSED_RING,
              ringName
                  + " is not closed (its last position differs from its first), read as closed",
              GeoPoint.of(last)));
      coordinates.add(new Coordinate(first));
    }
    // JTS, like the OGC model, needs three distinct positions plus the closing one.
    if (coordinates.size() < 4) {
      problems.add(
          TerritoryProblem.error(
              territoryId,
              ProblemCode.TOO_SHORT_RING,
              ringName
                  + " has "
                  + coordinates.size()
                  + " positions (closing one included), a ring needs at least 4; ring dropped",
              coordinates.isEmpty() ? Optional.empty() : GeoPoint.of(coordinates.get(0))));
      return Optional.empty();
    }
    return Optional.of(FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new)));
  }

  private static Coordinate readPosition(JsonNode position, String ringName, int index)
      throws BadCoordinates {
    if (!position.isArray()
        || position.size() < 2
        || !position.get(0).isNumber()
        || !position.get(1).isNumber()) {
      throw new BadCoordinates(
          "position "
              + (index + 1)
              + " of "
              + ringName
              + " is "
              + position
              + ", expected [longitude, latitude]");
    }
    double lon = position.get(0).doubleValue();
    double lat = position.get(1).doubleValue();
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      throw new BadCoordinates(
          "position " + (index + 1) + " of " + ringName + " is " + position + ", not finite");
    }
    // Altitude, when present, is dropped: territories are flat.
    return new Coordinate(lon, lat);
  }

  /** Coordinates that cannot be read at all; the feature is dropped. */
  private static final class BadCoordinates extends Exception {
    private static final long serialVersionUID = 1L;

    BadCoordinates(String message) {
      super(message);
    }
  }
}
