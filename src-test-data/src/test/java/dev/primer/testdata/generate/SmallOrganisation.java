package dev.primer.testdata.generate;

import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.DataSetInfo;
import dev.primer.testdata.calendar.Visit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One small organisation (seed 7, default behaviour) generated once and shared by the tests. */
public final class SmallOrganisation {
  private static SmallOrganisation instance;

  private final DataSetDirectory dataSet;
  private final DataSetInfo info;
  private final List<Visit> visits;

  private SmallOrganisation(DataSetDirectory dataSet, DataSetInfo info, List<Visit> visits) {
    this.dataSet = dataSet;
    this.info = info;
    this.visits = visits;
  }

  public static synchronized SmallOrganisation get() {
    if (instance == null) {
      instance = generate(GeneratorSettings.of(Scale.SMALL, 7));
    }
    return instance;
  }

  /** Generates into a fresh temporary directory, deleted when the JVM exits. */
  public static SmallOrganisation generate(GeneratorSettings settings) {
    try {
      Path dir = Files.createTempDirectory("primer-small-");
      dir.toFile().deleteOnExit();
      List<Visit> visits = new ArrayList<>();
      DataSetInfo info =
          new OrganisationGenerator(settings, false).onVisit(visits::add).generate(dir);
      return new SmallOrganisation(DataSetDirectory.open(dir), info, List.copyOf(visits));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DataSetDirectory dataSet() {
    return dataSet;
  }

  public DataSetInfo info() {
    return info;
  }

  /** Every visit the simulation planned, including those outside the period. */
  public List<Visit> visits() {
    return visits;
  }
}
