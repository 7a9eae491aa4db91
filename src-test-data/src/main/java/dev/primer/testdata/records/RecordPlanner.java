package dev.primer.testdata.records;

import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.testdata.behaviour.Behaviour;
import dev.primer.testdata.content.SalesCatalogue;
import dev.primer.testdata.generate.Names;
import dev.primer.testdata.generate.Rng;
import dev.primer.testdata.generate.Scale;
import dev.primer.testdata.org.EquipmentModel;
import dev.primer.testdata.org.Organisation;
import dev.primer.testdata.org.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRM records of each account, derived from the seed and the account alone, so that any
 * account's records can be produced again without holding all of them.
 */
public final class RecordPlanner {
  private final Organisation organisation;
  private final long seed;
  private final Instant start;
  private final double spread;
  private final double volume;

  public RecordPlanner(
      Organisation organisation, Scale scale, Behaviour behaviour, long seed, LocalDate start) {
    this.organisation = organisation;
    this.seed = seed;
    this.start = start.atStartOfDay(ZoneOffset.UTC).toInstant();
    this.spread = behaviour.access().popularitySpread();
    // Fixed records per account are about 8.6; contacts and service reports make up the rest.
    this.volume = Math.max(0.2, (scale.recordsPerAccount() - 8.6) / 21.0);
  }

  /** The records of {@code site}, placed from global position {@code firstPosition} on. */
  public List<PlannedRecord> recordsOf(Site site, int firstPosition) {
    Rng rng = Rng.of(seed, "records", site.index());
    String accountId = site.account().id();
    String name = site.account().name();
    List<PlannedRecord> out = new ArrayList<>();
    Numbering ids = new Numbering(firstPosition);

    String profileId = ids.next();
    out.add(
        planned(
            rng,
            new CrmRecord(
                profileId,
                accountId,
                RecordType.ACCOUNT_PROFILE,
                "Account profile - " + name,
                size(rng, 4_000, 0.4),
                1 + rng.poisson(3),
                daysBefore(rng, 365),
                List.of()),
            1.0,
            0,
            ""));

    int contacts = 1 + rng.poisson(9 * volume);
    for (int i = 0; i < contacts; i++) {
      String person = rng.pick(Names.FIRST) + " " + rng.pick(Names.LAST);
      out.add(
          planned(
              rng,
              new CrmRecord(
                  ids.next(),
                  accountId,
                  RecordType.CONTACT,
                  person + ", " + rng.pick(Names.JOB_TITLES),
                  size(rng, 1_100, 0.3),
                  1 + rng.poisson(1),
                  daysBefore(rng, 730),
                  List.of(profileId)),
              i == 0 ? 2.5 : 1.0,
              i,
              person));
    }

    List<String> schematicIds = new ArrayList<>();
    List<EquipmentModel> machines = new ArrayList<>();
    for (int model : site.equipment()) {
      EquipmentModel machine = organisation.equipment().get(model);
      machines.add(machine);
      String id = ids.next();
      schematicIds.add(id);
      out.add(
          planned(
              rng,
              new CrmRecord(
                  id,
                  accountId,
                  RecordType.SCHEMATIC,
                  "Schematic: " + machine.name() + " rev " + machine.revision(),
                  machine.schematicBytes(),
                  1 + (machine.revision() - 'A'),
                  daysBefore(rng, 1_800),
                  List.of()),
              1.0,
              schematicIds.size() - 1,
              ""));
    }

    String inventoryId = ids.next();
    out.add(
        planned(
            rng,
            new CrmRecord(
                inventoryId,
                accountId,
                RecordType.PARTS_INVENTORY,
                "Parts inventory - " + name + ", " + site.town(),
                size(rng, 40_000, 0.7),
                1 + rng.poisson(12),
                daysBefore(rng, 30),
                List.copyOf(schematicIds)),
            1.0,
            0,
            ""));

    int reports = rng.poisson(12 * volume);
    List<Long> reportAges = new ArrayList<>();
    for (int i = 0; i < reports; i++) {
      reportAges.add((long) rng.below(730 * 24));
    }
    reportAges.sort(null);
    for (int i = 0; i < reports; i++) {
      Instant when = start.minus(1 + reportAges.get(i), ChronoUnit.HOURS);
      List<String> related = new ArrayList<>();
      String about;
      if (!machines.isEmpty()) {
        int k = rng.below(machines.size());
        about = machines.get(k).name();
        related.add(schematicIds.get(k));
      } else {
        about = "site";
      }
      related.add(inventoryId);
      out.add(
          planned(
              rng,
              new CrmRecord(
                  ids.next(),
                  accountId,
                  RecordType.SERVICE_HISTORY,
                  "Service report "
                      + LocalDate.ofInstant(when, ZoneOffset.UTC)
                      + ": "
                      + about
                      + ", "
                      + rng.pick(Names.SERVICE_ACTIONS),
                  size(rng, 9_000, 0.6),
                  1 + rng.poisson(0.5),
                  when,
                  List.copyOf(related)),
              1.0,
              i,
              ""));
    }

    String priceListId = ids.next();
    out.add(
        planned(
            rng,
            new CrmRecord(
                priceListId,
                accountId,
                RecordType.PRICE_LIST,
                "Price list " + LocalDate.ofInstant(start, ZoneOffset.UTC).getYear() + " - " + name,
                // An agreement (book, rules, discount, terms): the products are in the price book.
                Math.min(60_000, Math.max(600, size(rng, 2_000, 0.6))),
                1 + rng.poisson(2),
                daysBefore(rng, 60),
                SalesCatalogue.PRICED_BY),
            1.0,
            0,
            ""));

    int quotes = 1 + rng.poisson(1.5);
    for (int i = 0; i < quotes; i++) {
      out.add(
          planned(
              rng,
              new CrmRecord(
                  ids.next(),
                  accountId,
                  RecordType.QUOTE_TEMPLATE,
                  "Quote template: " + rng.pick(Names.SERVICE_PACKAGES) + " - " + name,
                  // Inline content (under 64 KiB), large enough for the template.
                  Math.min(
                      60_000,
                      Math.max(SalesCatalogue.QUOTE_TEMPLATE_MIN_BYTES, size(rng, 25_000, 0.5))),
                  1 + rng.poisson(1),
                  daysBefore(rng, 180),
                  List.of(priceListId)),
              1.0,
              i,
              ""));
    }
    return out;
  }

  private PlannedRecord planned(Rng rng, CrmRecord record, double boost, int rank, String person) {
    return new PlannedRecord(record, boost * rng.lognormalMeanOne(spread), rank, person);
  }

  private Instant daysBefore(Rng rng, int maxDays) {
    return start.minus(1 + rng.below(maxDays * 24), ChronoUnit.HOURS);
  }

  private static long size(Rng rng, double median, double sigma) {
    return Math.max(200, Math.round(median * Math.exp(sigma * rng.gaussian())));
  }

  /** Hands out consecutive global record ids. */
  private static final class Numbering {
    private int next;

    Numbering(int first) {
      this.next = first;
    }

    String next() {
      return RecordCatalog.id(next++);
    }
  }
}
