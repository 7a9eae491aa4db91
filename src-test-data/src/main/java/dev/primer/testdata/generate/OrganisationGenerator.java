package dev.primer.testdata.generate;

import dev.primer.core.cli.ProgressBar;
import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.DataSetInfo;
import dev.primer.core.dataset.DataSetJson;
import dev.primer.core.dataset.Interaction;
import dev.primer.core.dataset.Jsonl;
import dev.primer.core.dataset.User;
import dev.primer.testdata.calendar.CalendarBuilder;
import dev.primer.testdata.calendar.CalendarEvent;
import dev.primer.testdata.calendar.IcsWriter;
import dev.primer.testdata.calendar.RepPlan;
import dev.primer.testdata.calendar.SchedulePlanner;
import dev.primer.testdata.calendar.Visit;
import dev.primer.testdata.content.SalesCatalogue;
import dev.primer.testdata.geo.TerritoryFile;
import dev.primer.testdata.org.Organisation;
import dev.primer.testdata.org.OrganisationPlanner;
import dev.primer.testdata.org.Rep;
import dev.primer.testdata.org.Site;
import dev.primer.testdata.records.PlannedRecord;
import dev.primer.testdata.records.RecordCatalog;
import dev.primer.testdata.records.RecordPlanner;
import dev.primer.testdata.simulate.InteractionSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates a whole synthetic organisation into a data set directory: deterministic for a seed and
 * behaviour config, streaming records and interactions so that the large scale fits.
 */
public final class OrganisationGenerator {
  /** Recorded in dataset.json; bump when the same seed would give different output. */
  public static final String VERSION = "primer-testdata 2";

  private final GeneratorSettings settings;
  private final boolean progress;
  private Consumer<Visit> visitListener = v -> {};

  public OrganisationGenerator(GeneratorSettings settings, boolean progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Sees every planned visit; tests compare them with what the calendars say. */
  public OrganisationGenerator onVisit(Consumer<Visit> listener) {
    this.visitListener = listener;
    return this;
  }

  /** Writes the data set into {@code dir}, which must be empty or absent; returns its info. */
  public DataSetInfo generate(Path dir) {
    DataSetDirectory out = DataSetDirectory.create(dir);
    Map<String, Long> counts = new LinkedHashMap<>();
    long seed = settings.seed();

    Organisation organisation =
        new OrganisationPlanner(settings.scale(), settings.behaviour(), seed).plan();
    counts.put("territories", (long) TerritoryFile.write(organisation, out.territoriesFile()));
    counts.put(
        "users",
        writeAll(
            out.root().resolve(DataSetDirectory.USERS),
            User.class,
            organisation.reps().stream().map(Rep::user).toList()));
    counts.put(
        "accounts",
        writeAll(
            out.root().resolve(DataSetDirectory.ACCOUNTS),
            Account.class,
            organisation.sites().stream().map(Site::account).toList()));
    counts.put("accountsOutsideTerritories", (long) organisation.sitesOutsideTerritories());
    counts.put("accountsOwnedElsewhere", (long) organisation.sitesOwnedElsewhere());

    RecordCatalog catalog = writeRecords(organisation, out, counts);

    SchedulePlanner planner =
        new SchedulePlanner(
            organisation, settings.behaviour(), seed, settings.startDate(), settings.days());
    List<RepPlan> plans = planner.plan();
    writeCalendars(organisation, catalog, plans, planner, out, counts);

    InteractionSimulator simulator =
        new InteractionSimulator(
            organisation,
            catalog,
            plans,
            settings.behaviour(),
            seed,
            settings.startDate(),
            settings.days());
    try (var writer =
            Jsonl.writer(out.root().resolve(DataSetDirectory.INTERACTIONS), Interaction.class);
        var bar = bar("interactions", settings.days())) {
      long[] lastDay = {-1};
      simulator.run(
          i -> {
            writer.write(i);
            long day = i.at().toLocalDate().toEpochDay();
            if (day != lastDay[0]) {
              lastDay[0] = day;
              bar.step();
            }
          });
      counts.put("interactions", writer.count());
    }

    DataSetInfo info =
        new DataSetInfo(
            VERSION,
            seed,
            settings.scale().wireName(),
            settings.startDate(),
            settings.days(),
            counts,
            settings.behaviourTree());
    try {
      DataSetJson.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(out.root().resolve(DataSetDirectory.INFO).toFile(), info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return info;
  }

  private RecordCatalog writeRecords(
      Organisation organisation, DataSetDirectory out, Map<String, Long> counts) {
    RecordPlanner planner =
        new RecordPlanner(
            organisation,
            settings.scale(),
            settings.behaviour(),
            settings.seed(),
            settings.startDate());
    RecordCatalog catalog = new RecordCatalog();
    long bytes = 0;
    try (var writer = Jsonl.writer(out.root().resolve(DataSetDirectory.RECORDS), CrmRecord.class);
        var bar = bar("records", organisation.sites().size())) {
      for (Site site : organisation.sites()) {
        List<PlannedRecord> records = planner.recordsOf(site, catalog.records());
        for (PlannedRecord r : records) {
          writer.write(r.record());
          bytes += r.record().sizeBytes();
        }
        catalog.addSite(site.index(), records);
        bar.step();
      }
      // Not in the simulation's catalogue: they belong to no site, and nobody opens them there.
      for (CrmRecord r :
          SalesCatalogue.records(settings.startDate().atStartOfDay(ZoneOffset.UTC).toInstant())) {
        writer.write(r);
        bytes += r.sizeBytes();
      }
      counts.put("records", writer.count());
    }
    counts.put("recordBytes", bytes);
    return catalog;
  }

  private void writeCalendars(
      Organisation organisation,
      RecordCatalog catalog,
      List<RepPlan> plans,
      SchedulePlanner planner,
      DataSetDirectory out,
      Map<String, Long> counts) {
    CalendarBuilder builder = new CalendarBuilder(organisation, catalog, settings.seed());
    IcsWriter ics = new IcsWriter(planner.exportedAt());
    long events = 0;
    long visits = 0;
    Instant from = settings.startDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to =
        settings.startDate().plusDays(settings.days()).atStartOfDay(ZoneOffset.UTC).toInstant();
    long happened = 0;
    try (var bar = bar("calendars", plans.size())) {
      for (RepPlan plan : plans) {
        Rep rep = plan.rep();
        List<CalendarEvent> calendar = builder.events(plan);
        events += calendar.size();
        Path file =
            out.root().resolve(DataSetDirectory.CALENDARS).resolve(rep.user().id() + ".ics");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          ics.write(
              rep, organisation.layouts().get(rep.metroIndex()).metro().windowsZone(), calendar, w);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + file, e);
        }
        for (Visit visit : plan.visits()) {
          visitListener.accept(visit);
          if (!visit.plannedStart().isBefore(from) && visit.plannedStart().isBefore(to)) {
            visits++;
            if (visit.happens()) {
              happened++;
            }
          }
        }
        bar.step();
      }
    }
    counts.put("calendars", (long) plans.size());
    counts.put("calendarEvents", events);
    counts.put("visitsPlanned", visits);
    counts.put("visitsHappened", happened);
  }

  private static <T> long writeAll(Path file, Class<T> type, List<T> values) {
    try (var writer = Jsonl.writer(file, type)) {
      values.forEach(writer::write);
      return writer.count();
    }
  }

  private ProgressBar bar(String label, long total) {
    return progress
        ? ProgressBar.onStderr(String.format("%-12s", label), total)
        : ProgressBar.silent();
  }
}
