package dev.primer.testdata.cli;

import dev.primer.core.dataset.DataSetInfo;
import dev.primer.testdata.behaviour.BehaviourLoader;
import dev.primer.testdata.generate.GeneratorSettings;
import dev.primer.testdata.generate.OrganisationGenerator;
import dev.primer.testdata.generate.Scale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/primer data generate}: writes a synthetic organisation as a data set directory. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic field organisation: territories, reps, accounts, CRM records,",
      "calendars (.ics) and the interactions of a simulated period. The same seed and",
      "behaviour config always give byte-identical output."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "small",
      description =
          "small (20 users, 600 accounts, 60 days), medium (200, 6k, 90) or large (2k, 60k, 90). Default: ${DEFAULT-VALUE}.")
  String scale;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed, >= 0. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--behaviour",
      paramLabel = "FILE",
      description =
          "YAML or JSON file overriding any behaviour knob (see default-behaviour.yaml in src-test-data).")
  Path behaviour;

  @Option(names = "--days", description = "Days of history (default: the scale's).")
  Integer days;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write; must not exist or be empty.")
  Path out;

  @Option(names = "--overwrite", description = "Replace DIR if it already holds a data set.")
  boolean overwrite;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Override
  public Integer call() {
    Scale chosen = Scale.parse(scale);
    if (seed < 0) {
      throw new IllegalArgumentException("--seed must be >= 0, was " + seed);
    }
    GeneratorSettings settings = GeneratorSettings.of(chosen, seed);
    if (behaviour != null) {
      settings = settings.withBehaviour(BehaviourLoader.mergedTree(behaviour));
    }
    if (days != null) {
      if (days < 7) {
        throw new IllegalArgumentException("--days must be >= 7, was " + days);
      }
      settings = settings.withDays(days);
    }
    checkTarget();

    // Write beside the target and move into place at the end: no half-written data set is ever
    // left where tools would read it.
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    deleteTree(partial);
    long started = System.nanoTime();
    DataSetInfo info = new OrganisationGenerator(settings, !quiet).generate(partial);
    try {
      if (Files.exists(out)) {
        deleteTree(out);
      }
      Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the data set into " + out, e);
    }
    printSummary(info, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private void checkTarget() {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " exists and is not a directory");
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + out, e);
    }
    if (!overwrite) {
      throw new IllegalArgumentException(
          "--out " + out + " is not empty; use --overwrite to replace the data set in it");
    }
    if (!Files.exists(out.resolve("dataset.json"))) {
      throw new IllegalArgumentException(
          "--out " + out + " is not empty and holds no dataset.json; refusing to overwrite it");
    }
  }

  private void printSummary(DataSetInfo info, double seconds) {
    Map<String, Long> c = info.counts();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "data set %s: scale %s, seed %d, %s + %d days%n",
            out,
            info.scale(),
            info.seed(),
            info.startDate(),
            info.days());
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "  %,d users, %,d territories, %,d accounts (%,d outside territories, %,d owned elsewhere)%n",
            c.get("users"),
            c.get("territories"),
            c.get("accounts"),
            c.get("accountsOutsideTerritories"),
            c.get("accountsOwnedElsewhere"));
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "  %,d records (%.1f GB), %,d calendars with %,d events, %,d visits planned (%,d happened)%n",
            c.get("records"),
            Objects.requireNonNull(c.get("recordBytes")) / 1e9,
            c.get("calendars"),
            c.get("calendarEvents"),
            c.get("visitsPlanned"),
            c.get("visitsHappened"));
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "  %,d interactions; generated in %.1f s%n",
            c.get("interactions"),
            seconds);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
