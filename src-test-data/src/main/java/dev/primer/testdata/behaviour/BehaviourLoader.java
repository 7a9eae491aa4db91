package dev.primer.testdata.behaviour;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads behaviour configs: the documented defaults, with any subset of keys overridden. */
public final class BehaviourLoader {
  private static final String DEFAULTS = "default-behaviour.yaml";
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private BehaviourLoader() {}

  /** The defaults as a tree, in the documented order. */
  public static ObjectNode defaultsTree() {
    try (InputStream in = BehaviourLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The defaults. */
  public static Behaviour defaults() {
    return fromTree(defaultsTree());
  }

  /**
   * The defaults overridden by the keys in {@code file} (YAML or JSON).
   *
   * @throws BehaviourException naming the file and the key at fault
   */
  public static Behaviour load(Path file) {
    return fromTree(mergedTree(file));
  }

  /** The defaults overridden by {@code file}, as the tree recorded in dataset.json. */
  public static ObjectNode mergedTree(Path file) {
    JsonNode overrides;
    try {
      overrides = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new BehaviourException(
          "cannot read behaviour config " + file + ": " + firstLine(e.getMessage()));
    }
    if (overrides == null || overrides.isMissingNode() || overrides.isNull()) {
      return defaultsTree();
    }
    if (!overrides.isObject()) {
      throw new BehaviourException("behaviour config " + file + " must be a mapping of keys");
    }
    ObjectNode merged = defaultsTree();
    List<String> unknown = new ArrayList<>();
    merge(merged, (ObjectNode) overrides, "", unknown);
    if (!unknown.isEmpty()) {
      throw new BehaviourException(
          "unknown behaviour key"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown)
              + " in "
              + file);
    }
    try {
      fromTree(merged);
    } catch (IllegalArgumentException e) {
      throw new BehaviourException("behaviour config " + file + ": " + e.getMessage());
    }
    return merged;
  }

  /** Builds the typed config from a complete tree. */
  public static Behaviour fromTree(JsonNode tree) {
    try {
      return YAML.treeToValue(tree, Behaviour.class);
    } catch (IOException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      if (root instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException(firstLine(e.getMessage()), e);
    }
  }

  private static void merge(
      ObjectNode target, ObjectNode source, String path, List<String> unknown) {
    for (Map.Entry<String, JsonNode> field : source.properties()) {
      String key = path + field.getKey();
      JsonNode existing = target.get(field.getKey());
      if (existing == null) {
        unknown.add(key);
      } else if (existing.isObject()) {
        if (!field.getValue().isObject()) {
          throw new BehaviourException(key + " must be a mapping, was " + field.getValue());
        }
        merge((ObjectNode) existing, (ObjectNode) field.getValue(), key + ".", unknown);
      } else if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new BehaviourException(key + " must be a single value, was " + field.getValue());
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  private static String firstLine(@Nullable String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
