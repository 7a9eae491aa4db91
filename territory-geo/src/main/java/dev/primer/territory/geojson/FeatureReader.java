package dev.primer.territory.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.territory.ProblemCode;
import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns one GeoJSON Feature into a territory, reporting what is wrong with it. */
final class FeatureReader {
  private final ReadOptions options;

  FeatureReader(ReadOptions options) {
    this.options = options;
  }

  /** The territory of the feature at {@code index}, or empty when it had to be dropped. */
  Optional<Territory> read(JsonNode feature, int index, List<TerritoryProblem> problems) {
    String placeholder = "#" + index;
    if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
      problems.add(
          TerritoryProblem.error(
              placeholder,
              ProblemCode.MALFORMED_FEATURE,
              "feature " + index + " is not a GeoJSON Feature object; dropped"));
      return Optional.empty();
    }
    JsonNode properties = feature.path("properties");
    if (!properties.isObject() && !properties.isNull() && !properties.isMissingNode()) {
      problems.add(
          TerritoryProblem.error(
              placeholder,
              ProblemCode.MALFORMED_FEATURE,
              "feature " + index + " has properties that are not an object; ignored"));
    }
    Optional<String> id = idOf(feature, properties);
    if (id.isEmpty()) {
      problems.add(
          TerritoryProblem.error(
              placeholder,
              ProblemCode.MISSING_ID,
              "feature "
                  + index
                  + " has no id ("
                  + options
                      .idProperty()
                      .map(p -> "properties." + p)
                      .orElse("properties.id or Feature id")
                  + "), named by its index"));
    }
    String territoryId = id.orElse(placeholder);
    Optional<org.locationtech.jts.geom.Geometry> geometry =
        new GeometryReader(territoryId, problems).read(feature.get("geometry"));
    if (geometry.isEmpty()) {
      return Optional.empty();
    }
    String nameKey = options.nameProperty().orElse("name");
    String name = scalarText(properties.get(nameKey)).orElse("");
    return Optional.of(
        new Territory(territoryId, name, geometry.get(), otherProperties(properties)));
  }

  private Optional<String> idOf(JsonNode feature, JsonNode properties) {
    if (options.idProperty().isPresent()) {
      return scalarText(properties.get(options.idProperty().get()));
    }
    return scalarText(properties.get("id")).or(() -> scalarText(feature.get("id")));
  }

  /** Text of a string or number node that is not blank. */
  private static Optional<String> scalarText(JsonNode node) {
    if (node == null || !(node.isTextual() || node.isNumber())) {
      return Optional.empty();
    }
    String text = node.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** Every property but id and name (they are fields), as plain Java values, nulls left out. */
  private static Map<String, Object> otherProperties(JsonNode properties) {
    Map<String, Object> others = new LinkedHashMap<>();
    if (!properties.isObject()) {
      return others;
    }
    for (Map.Entry<String, JsonNode> field : properties.properties()) {
      if (!field.getKey().equals("id") && !field.getKey().equals("name")) {
        plain(field.getValue()).ifPresent(value -> others.put(field.getKey(), value));
      }
    }
    return others;
  }

  /** A JSON value as String, Number, Boolean, List or Map; empty for JSON null. */
  private static Optional<Object> plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        plain(field.getValue()).ifPresent(value -> map.put(field.getKey(), value));
      }
      return Optional.of(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> plain(element).ifPresent(list::add));
      return Optional.of(list);
    }
    if (node.isNumber()) {
      return Optional.of(node.numberValue());
    }
    if (node.isBoolean()) {
      return Optional.of(node.booleanValue());
    }
    if (node.isTextual()) {
      return Optional.of(node.textValue());
    }
    return Optional.empty();
  }
}
