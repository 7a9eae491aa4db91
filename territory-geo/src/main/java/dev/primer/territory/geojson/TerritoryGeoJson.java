package dev.primer.territory.geojson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes territories as GeoJSON (RFC 7946): a FeatureCollection or a single Feature of
 * Polygons and MultiPolygons in longitude/latitude order.
 *
 * <p>Reading never throws for a bad feature: each is reported as a {@link TerritoryProblem} with
 * its id or {@code #index}. Only a document that is not a Feature or FeatureCollection at all
 * throws {@link GeoJsonFormatException}. Writing is deterministic: equal territories give equal
 * bytes.
 */
public final class TerritoryGeoJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TerritoryGeoJson() {}

  /** Reads a file with ids from {@code properties.id} (or the feature id). */
  public static GeoJsonReadResult read(Path file) {
    return read(file, ReadOptions.defaults());
  }

  /** Reads a file, taking ids and names where {@code options} say. */
  public static GeoJsonReadResult read(Path file, ReadOptions options) {
    try (InputStream in = Files.newInputStream(file)) {
      return readTree(parse(() -> MAPPER.readTree(in)), options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads a document from a character stream, which stays open. */
  public static GeoJsonReadResult read(Reader in) {
    return read(in, ReadOptions.defaults());
  }

  /** Reads a document from a character stream, which stays open, as {@code options} say. */
  public static GeoJsonReadResult read(Reader in, ReadOptions options) {
    return readTree(parse(() -> MAPPER.readTree(in)), options);
  }

  /** Reads a document held in a string. */
  public static GeoJsonReadResult read(String json) {
    return read(json, ReadOptions.defaults());
  }

  /** Reads a document held in a string, taking ids and names where {@code options} say. */
  public static GeoJsonReadResult read(String json, ReadOptions options) {
    return readTree(parse(() -> MAPPER.readTree(json)), options);
  }

  /** Writes a FeatureCollection of the territories, in list order, to {@code out} (left open). */
  public static void write(List<Territory> territories, Writer out) {
    try {
      GeoJsonWriter.writeCollection(territories, out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write GeoJSON", e);
    }
  }

  /** Writes a FeatureCollection of the territories to a UTF-8 file, replacing it. */
  public static void write(List<Territory> territories, Path file) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      GeoJsonWriter.writeCollection(territories, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** A FeatureCollection of the territories as a string. */
  public static String toJson(List<Territory> territories) {
    StringWriter out = new StringWriter();
    write(territories, out);
    return out.toString();
  }

  /** Writes one territory as a single Feature to {@code out} (left open). */
  public static void writeFeature(Territory territory, Writer out) {
    try {
      GeoJsonWriter.writeFeature(territory, out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write GeoJSON", e);
    }
  }

  /** One territory as a single Feature string. */
  public static String toFeatureJson(Territory territory) {
    StringWriter out = new StringWriter();
    writeFeature(territory, out);
    return out.toString();
  }

  private static GeoJsonReadResult readTree(JsonNode root, ReadOptions options) {
    List<Territory> territories = new ArrayList<>();
    List<TerritoryProblem> problems = new ArrayList<>();
    FeatureReader features = new FeatureReader(options);
    String type = root.path("type").asText("");
    switch (type) {
      case "FeatureCollection" -> {
        JsonNode array = root.get("features");
        if (array == null || !array.isArray()) {
          throw new GeoJsonFormatException("FeatureCollection has no \"features\" array");
        }
        for (int i = 0; i < array.size(); i++) {
          features.read(array.get(i), i, problems).ifPresent(territories::add);
        }
      }
      case "Feature" -> features.read(root, 0, problems).ifPresent(territories::add);
      default ->
          throw new GeoJsonFormatException(
              "expected a GeoJSON FeatureCollection or Feature, found "
                  + (type.isEmpty() ? "no \"type\"" : "a " + type));
    }
    return new GeoJsonReadResult(territories, problems);
  }

  private interface JsonSource {
    JsonNode get() throws IOException;
  }

  private static JsonNode parse(JsonSource source) {
    try {
      JsonNode root = source.get();
      if (root == null || root.isMissingNode()) {
        throw new GeoJsonFormatException("the document is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new GeoJsonFormatException(
          "not JSON: "
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
