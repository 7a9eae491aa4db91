package dev.primer.training;

import dev.primer.testdata.generate.GeneratorSettings;
import dev.primer.testdata.generate.OrganisationGenerator;
import dev.primer.testdata.generate.Scale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small organisation over four weeks, generated once per test JVM. */
final class SmallDataSet {
  private static Path dir;

  private SmallDataSet() {}

  static synchronized Path get() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("primer-training-");
        dir.toFile().deleteOnExit();
        new OrganisationGenerator(GeneratorSettings.of(Scale.SMALL, 21).withDays(28), false)
            .generate(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }
}
