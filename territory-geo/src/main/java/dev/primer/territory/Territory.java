package dev.primer.territory;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A sales territory: its id, display name, area (x = longitude, y = latitude, WGS 84 degrees) and
 * the other GeoJSON properties it carried.
 *
 * <p>The geometry is shared, not copied: treat it as read-only, as JTS code conventionally does.
 * The geometry may be invalid; {@code TerritoryValidator} says how.
 *
 * @param id unique, non-blank identifier
 * @param name display name, empty when the source had none
 * @param geometry a Polygon or MultiPolygon, possibly empty
 * @param properties the other properties as plain JSON values (String, Number, Boolean, List, Map),
 *     never containing the keys {@code id} or {@code name}
 */
public record Territory(String id, String name, Geometry geometry, Map<String, Object> properties) {
  public Territory {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank, was '" + id + "'");
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(geometry, "geometry");
    if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
      throw new IllegalArgumentException(
          "territory "
              + id
              + ": geometry must be a Polygon or MultiPolygon, was "
              + geometry.getGeometryType());
    }
    if (properties.containsKey("id") || properties.containsKey("name")) {
      throw new IllegalArgumentException(
          "territory " + id + ": properties must not repeat 'id' or 'name', they are fields");
    }
    properties = JsonValues.freeze(properties);
  }

  /** A territory with no other properties. */
  public Territory(String id, String name, Geometry geometry) {
    this(id, name, geometry, Map.of());
  }

  /** The same territory with another geometry, for repairs. */
  public Territory withGeometry(Geometry replacement) {
    return new Territory(id, name, replacement, properties);
  }

  /** The number of coordinates in all rings, closing points included. */
  public int vertexCount() {
    return geometry.getNumPoints();
  }
}
