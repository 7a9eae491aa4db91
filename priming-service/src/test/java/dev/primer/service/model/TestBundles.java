package dev.primer.service.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureSchema;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.core.scoring.TribuoScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Small real model bundles for the registry's tests, trained on random rows. */
final class TestBundles {
  private TestBundles() {}

  /** A bundle of the service's feature schema, the same for the same seed, written in dir. */
  static byte[] bundle(Path dir, long seed) throws IOException {
    FeatureSchema schema = FeatureExtractor.SCHEMA;
    SplittableRandom random = new SplittableRandom(seed);
    String[] names = schema.names().toArray(String[]::new);
    MutableDataset<Label> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                "tiny", OffsetDateTime.parse("2026-01-01T00:00:00Z"), new LabelFactory()),
            new LabelFactory());
    for (int i = 0; i < 300; i++) {
      double[] values = new double[names.length];
      for (int j = 0; j < values.length; j++) {
        values[j] = random.nextDouble();
      }
      boolean hit = values[0] > 0.5;
      data.add(
          new ArrayExample<>(
              new Label(hit ? TribuoScorer.HIT : TribuoScorer.MISS), names.clone(), values));
    }
    Model<Label> model =
        new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(0.1, 0.1), 2, Integer.MAX_VALUE, 1, seed)
            .train(data);
    ObjectMapper json = new ObjectMapper();
    Path file = dir.resolve("bundle-" + seed + ".zip");
    ModelBundles.write(
        file,
        model,
        schema,
        json.createObjectNode().put("seed", seed),
        json.createObjectNode().put("rows", 300));
    return Files.readAllBytes(file);
  }
}
