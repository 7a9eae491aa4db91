package dev.primer.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.Interaction;
import dev.primer.core.dataset.Jsonl;
import dev.primer.core.evaluation.ReplayData;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureMatrix;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.scoring.ModelBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {
  @TempDir Path tmp;

  private final ModelTrainer trainer = new ModelTrainer(CandidateSettings.defaults());

  private ModelTrainer.Result train(Path data, long seed) {
    ReplayData replay = DataSets.load(data);
    DayRange days = DayRange.parse("8..20", replay.info(), "--train-days");
    return trainer.train(
        replay, DataSets.fingerprint(data), days, Algorithm.LOGREG, seed, 0.05, d -> {});
  }

  private static double[] predictions(ModelBundle bundle) {
    SplittableRandom random = new SplittableRandom(3);
    int width = FeatureExtractor.SCHEMA.width();
    double[] values = new double[200 * width];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < 0.5 ? 0 : random.nextDouble() * 2;
    }
    double[] out = new double[200];
    bundle.referenceScorer().score(new FeatureMatrix(200, width, values), out);
    return out;
  }

  private ModelBundle writeAndRead(ModelTrainer.Result result, String name) {
    Path file = tmp.resolve(name);
    ModelTrainer.write(result, file);
    return ModelBundles.read(file, FeatureExtractor.SCHEMA);
  }

  @Test
  void aBundleSavedAndLoadedPredictsLikeTheTrainedModelAndCarriesItsProvenance() {
    ModelTrainer.Result result = train(SmallDataSet.get(), 1);
    ModelBundle bundle = writeAndRead(result, "m.zip");
    assertThat(result.set().positives()).isGreaterThan(100);
    assertThat(bundle.provenance().path("algorithm").asText()).isEqualTo("logreg");
    assertThat(bundle.provenance().path("seed").asLong()).isEqualTo(1);
    assertThat(bundle.provenance().path("trainDays").path("to").asText())
        .isEqualTo(LocalDate.of(2026, 2, 21).toString());
    assertThat(bundle.provenance().path("tribuoVersion").asText()).isNotBlank();
    assertThat(bundle.provenance().path("dataSet").path("sha256").asText()).hasSize(64);
    assertThat(bundle.summary().path("examples").asLong())
        .isEqualTo(result.set().examples().size());
    ModelBundle inMemory =
        new ModelBundle(
            "x", result.model(), FeatureExtractor.SCHEMA, result.provenance(), result.summary());
    assertThat(predictions(bundle)).containsExactly(predictions(inMemory));
  }

  @Test
  void theSameSeedAndDataGiveTheSameModel() {
    double[] first = predictions(writeAndRead(train(SmallDataSet.get(), 9), "a.zip"));
    double[] second = predictions(writeAndRead(train(SmallDataSet.get(), 9), "b.zip"));
    double[] otherSeed = predictions(writeAndRead(train(SmallDataSet.get(), 10), "c.zip"));
    assertThat(second).containsExactly(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void noDataFromAfterTheTrainingDaysReachesTraining() throws IOException {
    // The same data set with every interaction after the last training day removed must train
    // the very same model: if any later interaction leaked in, the models would differ.
    Path full = SmallDataSet.get();
    Path cut = tmp.resolve("cut");
    Files.createDirectories(cut);
    try (Stream<Path> files = Files.walk(full)) {
      for (Path f : files.toList()) {
        Path target = cut.resolve(full.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().equals(DataSetDirectory.INTERACTIONS)) {
          Files.copy(f, target);
        }
      }
    }
    LocalDate lastTrainingDay = DataSetDirectory.open(full).info().startDate().plusDays(19);
    long[] kept = {0};
    long[] dropped = {0};
    try (var out = Jsonl.writer(cut.resolve(DataSetDirectory.INTERACTIONS), Interaction.class)) {
      Jsonl.forEach(
          full.resolve(DataSetDirectory.INTERACTIONS),
          Interaction.class,
          i -> {
            if (i.at().toLocalDate().isAfter(lastTrainingDay)) {
              dropped[0]++;
            } else {
              kept[0]++;
              out.write(i);
            }
          });
    }
    assertThat(dropped[0]).isGreaterThan(1000);

    double[] withFuture = predictions(writeAndRead(train(full, 4), "full.zip"));
    double[] withoutFuture = predictions(writeAndRead(train(cut, 4), "cut.zip"));
    assertThat(withoutFuture).containsExactly(withFuture);
  }
}
