package dev.primer.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.primer.core.features.Feature;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureMatrix;
import dev.primer.core.features.FeatureSchema;
import dev.primer.core.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

class ScoringTest {
  private static final FeatureSchema SCHEMA = FeatureExtractor.SCHEMA;

  @TempDir Path dir;

  private static FeatureMatrix randomRows(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[rows * SCHEMA.width()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < 0.4 ? 0 : random.nextDouble() * 3 - 0.5;
    }
    return new FeatureMatrix(rows, SCHEMA.width(), values);
  }

  @Test
  void linearFastPathGivesTribuosScoresToOneInABillion() {
    Model<Label> model = TinyModels.logistic(SCHEMA, 7);
    Scorer fast = LinearScorer.of(model, SCHEMA).orElseThrow();
    Scorer reference = new TribuoScorer(model, SCHEMA);
    FeatureMatrix rows = randomRows(2_000, 11);
    double[] a = new double[rows.rows()];
    double[] b = new double[rows.rows()];
    fast.score(rows, a);
    reference.score(rows, b);
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as("row %d", i).isCloseTo(b[i], within(1e-9));
    }
    assertThat(java.util.Arrays.stream(a).max().orElse(0)).isGreaterThan(0.8);
    assertThat(java.util.Arrays.stream(a).min().orElse(1)).isLessThan(0.2);
  }

  @Test
  void treesHaveNoLinearFastPathAndUseTribuosPredict() {
    Model<Label> tree = new CARTClassificationTrainer(4).train(TinyModels.dataset(SCHEMA, 500, 3));
    assertThat(LinearScorer.of(tree, SCHEMA)).isEmpty();
    ModelBundle bundle =
        new ModelBundle(
            "x",
            tree,
            SCHEMA,
            JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.objectNode());
    assertThat(bundle.scorer()).isInstanceOf(TribuoScorer.class);
  }

  @Test
  void aBundleSavedAndLoadedPredictsTheSame() {
    Model<Label> model = TinyModels.logistic(SCHEMA, 5);
    Path file = dir.resolve("model.zip");
    var provenance =
        JsonNodeFactory.instance.objectNode().put("algorithm", "logreg").put("seed", 5);
    var summary = JsonNodeFactory.instance.objectNode().put("examples", 2000);
    ModelBundles.write(file, model, SCHEMA, provenance, summary);

    ModelBundle loaded = ModelBundles.read(file, SCHEMA);
    assertThat(loaded.provenance()).isEqualTo(provenance);
    assertThat(loaded.summary()).isEqualTo(summary);
    assertThat(loaded.schema().hash()).isEqualTo(SCHEMA.hash());
    assertThat(loaded.id()).hasSize(12);
    FeatureMatrix rows = randomRows(300, 2);
    double[] before = new double[300];
    double[] after = new double[300];
    new TribuoScorer(model, SCHEMA).score(rows, before);
    loaded.referenceScorer().score(rows, after);
    assertThat(after).containsExactly(before);
  }

  @Test
  void refusesABundleTrainedOnOtherFeaturesSayingWhatDiffers() {
    List<Feature> older = new ArrayList<>(SCHEMA.features());
    older.remove(older.size() - 1);
    older.add(new Feature("legacy_score", "a feature this Primer no longer has"));
    FeatureSchema old = new FeatureSchema("primer-features-0", older);
    Path file = dir.resolve("old.zip");
    ModelBundles.write(
        file,
        TinyModels.logistic(old, 1),
        old,
        JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.objectNode());

    assertThatThrownBy(() -> ModelBundles.read(file, SCHEMA))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("trained on feature schema primer-features-0")
        .hasMessageContaining("only in primer-features-0: legacy_score")
        .hasMessageContaining(
            "only in primer-features-1: " + SCHEMA.features().get(SCHEMA.width() - 1).name());
  }

  @Test
  void refusesFilesThatAreNotBundles() throws IOException {
    Path text = dir.resolve("notes.zip");
    Files.writeString(text, "hello");
    assertThatThrownBy(() -> ModelBundles.read(text, SCHEMA))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("not a Primer model bundle");

    Path truncated = dir.resolve("cut.zip");
    Path good = dir.resolve("good.zip");
    ModelBundles.write(
        good,
        TinyModels.logistic(SCHEMA, 1),
        SCHEMA,
        JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.objectNode());
    byte[] bytes = Files.readAllBytes(good);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ModelBundles.read(truncated, SCHEMA))
        .isInstanceOf(BundleException.class);
  }
}
