package dev.primer.core.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.core.dataset.DataSetJson;
import dev.primer.core.features.Feature;
import dev.primer.core.features.FeatureSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Writes and reads model bundles: a zip with the model, its feature schema and provenance. */
public final class ModelBundles {
  /** The bundle format this code writes and reads. */
  public static final String FORMAT = "primer-bundle-1";

  /** Bundles larger than this are refused before anything is parsed. */
  public static final long MAX_BYTES = 512L * 1024 * 1024;

  private static final String MANIFEST = "bundle.json";
  private static final String MODEL = "model.tribuo";
  private static final String SCHEMA = "feature-schema.json";
  private static final String PROVENANCE = "provenance.json";
  private static final String SUMMARY = "training-summary.json";
  private static final ObjectMapper JSON = DataSetJson.mapper();

  private ModelBundles() {}

  /** Writes a bundle atomically (to a temporary file, then moved into place). */
  public static void write(
      Path file, Model<Label> model, FeatureSchema schema, JsonNode provenance, JsonNode summary) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("format", FORMAT);
      manifest.put("featureSchemaHash", schema.hash());
      manifest.put("featureSchemaVersion", schema.version());
      entry(zip, MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      ByteArrayOutputStream modelBytes = new ByteArrayOutputStream();
      model.serializeToStream(modelBytes);
      entry(zip, MODEL, modelBytes.toByteArray());
      entry(
          zip, SCHEMA, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(schemaJson(schema)));
      entry(zip, PROVENANCE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(provenance));
      entry(zip, SUMMARY, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write bundle " + file, e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move bundle into " + file, e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry e = new ZipEntry(name);
    // A fixed time keeps bundles byte-identical for the same model.
    e.setTime(0);
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** Reads a bundle and checks it was made for {@code expected}. */
  public static ModelBundle read(Path file, FeatureSchema expected) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new BundleException("bundle " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      return read(Files.readAllBytes(file), expected);
    } catch (IOException e) {
      throw new BundleException("cannot read bundle " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a bundle from memory and checks it was made for {@code expected}. */
  public static ModelBundle read(byte[] bytes, FeatureSchema expected) {
    return read(bytes, expected, BundleLimits.DEFAULTS);
  }

  /**
   * Reads a bundle from memory within {@code limits} and checks it was made for {@code expected}. A
   * bundle over a limit is a {@link BundleLimitException}; any other fault a {@link
   * BundleException} whose message names no Java class.
   */
  public static ModelBundle read(byte[] bytes, FeatureSchema expected, BundleLimits limits) {
    Map<String, byte[]> entries = unzip(bytes, limits);
    for (String required : List.of(MANIFEST, MODEL, SCHEMA, PROVENANCE, SUMMARY)) {
      if (!entries.containsKey(required)) {
        throw new BundleException("not a Primer model bundle: it has no " + required);
      }
    }
    JsonNode manifest = json(entries, MANIFEST);
    String format = manifest.path("format").asText("");
    if (!FORMAT.equals(format)) {
      throw new BundleException(
          "bundle format '" + format + "' is not supported, expected '" + FORMAT + "'");
    }
    FeatureSchema schema = schemaFrom(json(entries, SCHEMA));
    if (!schema.hash().equals(manifest.path("featureSchemaHash").asText())) {
      throw new BundleException("bundle is inconsistent: its schema does not match its hash");
    }
    if (!schema.hash().equals(expected.hash())) {
      throw new BundleException(
          "bundle was trained on feature schema "
              + schema.version()
              + " ("
              + schema.hash()
              + ") but this Primer extracts "
              + expected.version()
              + " ("
              + expected.hash()
              + "): "
              + schema.describeDifference(expected));
    }
    // Every required entry was checked above.
    Model<Label> model = model(Objects.requireNonNull(entries.get(MODEL)));
    return new ModelBundle(
        sha256(bytes).substring(0, 12),
        model,
        schema,
        json(entries, PROVENANCE),
        json(entries, SUMMARY));
  }

  private static Model<Label> model(byte[] bytes) {
    // Tribuo loads every class its protobuf names: only its own (and OLCUT's) may be named.
    if (ModelClassNames.firstForbidden(bytes).isPresent()) {
      throw new BundleException(
          "bundle's model names a class outside Tribuo's model format; it is not loaded");
    }
    Model<?> raw;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      raw = Model.deserializeFromStream(in);
    } catch (IOException | RuntimeException | LinkageError e) {
      // Tribuo's messages name classes; the cause keeps them for the log, not for the caller.
      throw new BundleException("bundle holds no readable Tribuo model", e);
    }
    Model<Label> model;
    try {
      model = raw.castModel(Label.class);
    } catch (ClassCastException e) {
      throw new BundleException("bundle's model does not predict labels", e);
    }
    if (model.getOutputIDInfo().getID(new Label(TribuoScorer.HIT)) < 0) {
      throw new BundleException("bundle's model has no '" + TribuoScorer.HIT + "' label");
    }
    return model;
  }

  /**
   * The bundle's entries, read within {@code limits}: bytes are counted as they inflate (the sizes
   * a zip's headers claim are not trusted), entries as they come, and only the five a bundle has
   * are kept in memory.
   */
  private static Map<String, byte[]> unzip(byte[] bytes, BundleLimits limits) {
    Map<String, byte[]> entries = new HashMap<>();
    Set<String> known = Set.of(MANIFEST, MODEL, SCHEMA, PROVENANCE, SUMMARY);
    long inflated = 0;
    int count = 0;
    byte[] buffer = new byte[1 << 16];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        count++;
        if (count > limits.maxEntries()) {
          throw new BundleLimitException(
              "bundle has more than " + limits.maxEntries() + " entries, the limit");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          inflated += n;
          if (inflated > limits.maxUncompressedBytes()) {
            throw new BundleLimitException(
                "bundle inflates to more than "
                    + limits.maxUncompressedBytes()
                    + " bytes, the limit for its uncompressed size");
          }
          if (known.contains(e.getName())) {
            content.write(buffer, 0, n);
          }
        }
        if (known.contains(e.getName())) {
          entries.put(e.getName(), content.toByteArray());
        }
      }
    } catch (ZipException e) {
      throw new BundleException(
          "not a Primer model bundle: not a zip file (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BundleException("cannot read bundle: " + e.getMessage(), e);
    }
    if (entries.isEmpty()) {
      throw new BundleException("not a Primer model bundle: not a zip file or an empty one");
    }
    return entries;
  }

  private static JsonNode json(Map<String, byte[]> entries, String name) {
    try {
      return JSON.readTree(entries.get(name));
    } catch (IOException e) {
      throw new BundleException("bundle's " + name + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  static ObjectNode schemaJson(FeatureSchema schema) {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", schema.version());
    node.put("hash", schema.hash());
    var features = node.putArray("features");
    for (Feature f : schema.features()) {
      features.addObject().put("name", f.name()).put("meaning", f.meaning());
    }
    return node;
  }

  private static FeatureSchema schemaFrom(JsonNode node) {
    List<Feature> features = new ArrayList<>();
    for (JsonNode f : node.path("features")) {
      features.add(new Feature(f.path("name").asText(), f.path("meaning").asText()));
    }
    if (features.isEmpty() || !node.hasNonNull("version")) {
      throw new BundleException("bundle's feature schema lists no features");
    }
    return new FeatureSchema(node.get("version").asText(), features);
  }

  /** Hex SHA-256 of some bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
