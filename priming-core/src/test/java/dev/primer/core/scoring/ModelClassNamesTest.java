package dev.primer.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureSchema;
import dev.primer.core.testing.TinyModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

/** Tribuo models name only Tribuo's and OLCUT's classes; anything else is refused unloaded. */
class ModelClassNamesTest {
  private static final FeatureSchema SCHEMA = FeatureExtractor.SCHEMA;

  @TempDir Path dir;

  private static byte[] serialised(Model<Label> model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.serializeToStream(out);
    return out.toByteArray();
  }

  @Test
  void trainedLinearAndTreeModelsNameOnlyAllowedClasses() throws IOException {
    Model<Label> tree = new CARTClassificationTrainer(4).train(TinyModels.dataset(SCHEMA, 500, 3));
    assertThat(ModelClassNames.firstForbidden(serialised(TinyModels.logistic(SCHEMA, 7))))
        .isEmpty();
    assertThat(ModelClassNames.firstForbidden(serialised(tree))).isEmpty();
  }

  @Test
  void findsAForeignClassNamedAnywhereInTheProtobuf() {
    assertThat(ModelClassNames.firstForbidden(modelProto("java.lang.ProcessBuilder")))
        .contains("java.lang.ProcessBuilder");
    // Nested one level down, as the model data's own protos nest.
    byte[] inner = modelProto("com.example.Gadget");
    byte[] outer = new byte[inner.length + 2];
    outer[0] = 0x1a;
    outer[1] = (byte) inner.length;
    System.arraycopy(inner, 0, outer, 2, inner.length);
    assertThat(ModelClassNames.firstForbidden(outer)).contains("com.example.Gadget");
    assertThat(ModelClassNames.firstForbidden(modelProto("org.tribuo.common.sgd.Foo"))).isEmpty();
  }

  @Test
  void aBundleWhoseModelNamesAForeignClassIsRefusedWithoutNamingIt() throws IOException {
    Path file = dir.resolve("b.zip");
    ModelBundles.write(
        file,
        TinyModels.logistic(SCHEMA, 7),
        SCHEMA,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    byte[] hostile =
        replaceEntry(Files.readAllBytes(file), "model.tribuo", modelProto("java.lang.Runtime"));

    assertThatThrownBy(() -> ModelBundles.read(hostile, SCHEMA))
        .isInstanceOf(BundleException.class)
        .hasMessage("bundle's model names a class outside Tribuo's model format; it is not loaded");
    assertThat(ModelBundles.read(Files.readAllBytes(file), SCHEMA).model()).isNotNull();
  }

  @Test
  void aZipBombStopsAtTheUncompressedLimitAndTooManyEntriesAtTheEntryLimit() throws IOException {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("bundle.json"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(bomb.size()).isLessThan(1 << 20);
    assertThatThrownBy(
            () -> ModelBundles.read(bomb.toByteArray(), SCHEMA, new BundleLimits(32L << 20, 16)))
        .isInstanceOf(BundleLimitException.class)
        .hasMessageContaining("more than 33554432 bytes");

    ByteArrayOutputStream many = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(many)) {
      for (int i = 0; i < 6; i++) {
        zip.putNextEntry(new ZipEntry("e" + i));
        zip.closeEntry();
      }
    }
    assertThatThrownBy(
            () -> ModelBundles.read(many.toByteArray(), SCHEMA, new BundleLimits(1 << 20, 5)))
        .isInstanceOf(BundleLimitException.class)
        .hasMessageContaining("more than 5 entries");
  }

  /** A Tribuo ModelProto: {@code int32 version = 1; string class_name = 2}. */
  private static byte[] modelProto(String className) {
    byte[] name = className.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x08);
    out.write(0);
    out.write(0x12);
    out.write(name.length);
    out.writeBytes(name);
    return out.toByteArray();
  }

  private static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(e.getName().equals(name) ? content : bytes);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
