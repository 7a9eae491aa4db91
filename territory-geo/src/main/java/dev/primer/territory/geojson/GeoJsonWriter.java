package dev.primer.territory.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.primer.territory.Degrees;
import dev.primer.territory.Territory;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes territories as GeoJSON so that equal input gives byte-identical output: one feature per
 * line, properties id, name, then the rest sorted by key, degrees through {@link Degrees}, and
 * rings wound as RFC 7946 asks (shells counter-clockwise, holes clockwise).
 */
final class GeoJsonWriter {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private GeoJsonWriter() {}

  static void writeCollection(List<Territory> territories, Writer out) throws IOException {
    // One feature per line diffs well; the frame is written by hand so the separators stay put.
    out.write("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < territories.size(); i++) {
      out.write(i == 0 ? "\n" : ",\n");
      try (JsonGenerator json = JSON.createGenerator(out)) {
        writeFeatureObject(territories.get(i), json);
      }
    }
    out.write("\n]}\n");
  }

  static void writeFeature(Territory territory, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      writeFeatureObject(territory, json);
    }
    out.write("\n");
  }

  private static void writeFeatureObject(Territory territory, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("type", "Feature");
    json.writeFieldName("properties");
    json.writeStartObject();
    json.writeStringField("id", territory.id());
    if (!territory.name().isEmpty()) {
      json.writeStringField("name", territory.name());
    }
    for (Map.Entry<String, Object> property : new TreeMap<>(territory.properties()).entrySet()) {
      json.writeFieldName(property.getKey());
      writeValue(property.getValue(), json);
    }
    json.writeEndObject();
    json.writeFieldName("geometry");
    writeGeometry(territory.geometry(), json);
    json.writeEndObject();
  }

  private static void writeValue(Object value, JsonGenerator json) throws IOException {
    if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<String, ?> entry : sorted(map).entrySet()) {
        json.writeFieldName(entry.getKey());
        writeValue(entry.getValue(), json);
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        writeValue(element, json);
      }
      json.writeEndArray();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof BigInteger integer) {
      json.writeNumber(integer);
    } else if (value instanceof Double || value instanceof Float) {
      json.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Number number) {
      json.writeNumber(number.longValue());
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
    return sorted;
  }

  private static void writeGeometry(Geometry geometry, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", geometry.getGeometryType());
    json.writeFieldName("coordinates");
    if (geometry instanceof MultiPolygon multi) {
      json.writeStartArray();
      for (int i = 0; i < multi.getNumGeometries(); i++) {
        writePolygonRings((Polygon) multi.getGeometryN(i), json);
      }
      json.writeEndArray();
    } else {
      writePolygonRings((Polygon) geometry, json);
    }
    json.writeEndObject();
  }

  private static void writePolygonRings(Polygon polygon, JsonGenerator json) throws IOException {
    json.writeStartArray();
    if (!polygon.isEmpty()) {
      writeRing(polygon.getExteriorRing(), true, json);
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        writeRing(polygon.getInteriorRingN(h), false, json);
      }
    }
    json.writeEndArray();
  }

  private static void writeRing(LineString ring, boolean counterClockwise, JsonGenerator json)
      throws IOException {
    Coordinate[] coordinates = ring.getCoordinates();
    boolean reverse = Orientation.isCCWArea(coordinates) != counterClockwise;
    json.writeStartArray();
    for (int i = 0; i < coordinates.length; i++) {
      Coordinate c = coordinates[reverse ? coordinates.length - 1 - i : i];
      json.writeStartArray();
      json.writeNumber(Degrees.format(c.x));
      json.writeNumber(Degrees.format(c.y));
      json.writeEndArray();
    }
    json.writeEndArray();
  }
}
