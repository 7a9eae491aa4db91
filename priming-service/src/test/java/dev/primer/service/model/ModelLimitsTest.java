package dev.primer.service.model;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.core.features.Feature;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureSchema;
import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Zip bombs and bundles naming foreign classes are refused without naming internal classes. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ModelLimitsTest {
  private static io.restassured.response.ValidatableResponse upload(byte[] bundle) {
    return TestTokens.as("ds", Roles.DATA_SCIENTIST)
        .contentType("application/zip")
        .body(bundle)
        .post("/v1/models")
        .then();
  }

  @Test
  void refusesABundleThatInflatesBeyondTheLimitWhileReadingIt() throws IOException {
    Map<String, Long> zeros = new LinkedHashMap<>();
    zeros.put("bundle.json", 300L << 20);
    byte[] bomb = zeros(zeros);
    upload(bomb)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", containsString("model-over-limit"))
        .body("detail", containsString("primer.limits.model-uncompressed"));
  }

  @Test
  void refusesABundleWithMoreEntriesThanTheLimit() throws IOException {
    Map<String, Long> many = new LinkedHashMap<>();
    for (int i = 0; i < 17; i++) {
      many.put("e" + i, 0L);
    }
    upload(zeros(many))
        .statusCode(422)
        .body("detail", containsString("more than 16 entries"))
        .body("detail", containsString("primer.limits.model-entries"));
  }

  @Test
  void refusesAModelNamingAClassOutsideTribuoWithoutNamingIt() throws IOException {
    for (String name : new String[] {"java.lang.ProcessBuilder", "dev.primer.service.Foo"}) {
      upload(naming(name))
          .statusCode(422)
          .contentType("application/problem+json")
          .body("detail", containsString("names a class outside Tribuo's model format"))
          .body(not(containsString(name)));
    }
  }

  private static byte[] zeros(Map<String, Long> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] block = new byte[1 << 20];
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        for (long left = e.getValue(); left > 0; left -= block.length) {
          zip.write(block, 0, (int) Math.min(block.length, left));
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A bundle right in all but its model: a Tribuo ModelProto whose class_name is {@code name}. */
  private static byte[] naming(String name) throws IOException {
    ObjectMapper json = new ObjectMapper();
    FeatureSchema schema = FeatureExtractor.SCHEMA;
    ObjectNode schemaJson = json.createObjectNode();
    schemaJson.put("version", schema.version()).put("hash", schema.hash());
    var features = schemaJson.putArray("features");
    for (Feature f : schema.features()) {
      features.addObject().put("name", f.name()).put("meaning", f.meaning());
    }
    ObjectNode manifest =
        json.createObjectNode()
            .put("format", "primer-bundle-1")
            .put("featureSchemaHash", schema.hash())
            .put("featureSchemaVersion", schema.version());
    byte[] className = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream proto = new ByteArrayOutputStream();
    proto.write(new byte[] {0x08, 0, 0x12, (byte) className.length});
    proto.write(className);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put("bundle.json", json.writeValueAsBytes(manifest));
      entries.put("model.tribuo", proto.toByteArray());
      entries.put("feature-schema.json", json.writeValueAsBytes(schemaJson));
      entries.put("provenance.json", "{}".getBytes(StandardCharsets.UTF_8));
      entries.put("training-summary.json", "{}".getBytes(StandardCharsets.UTF_8));
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
