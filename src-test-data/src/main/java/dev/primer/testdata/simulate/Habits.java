package dev.primer.testdata.simulate;

import dev.primer.core.dataset.RecordType;
import dev.primer.testdata.behaviour.Behaviour;
import dev.primer.testdata.calendar.RepPlan;
import dev.primer.testdata.calendar.Series;
import dev.primer.testdata.generate.Rng;
import dev.primer.testdata.org.Organisation;
import dev.primer.testdata.records.RecordCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The records a rep checks by habit on fixed weekdays: the price list of a big customer, the parts
 * inventory of a site they service often. Habits drift: each month some are replaced.
 */
final class Habits {
  private static final int CHURN_PERIOD_DAYS = 30;

  private final List<Integer> candidateSites;
  private final RecordCatalog catalog;
  private final Behaviour.Habits knobs;
  private final Rng rng;
  private final List<Habit> habits = new ArrayList<>();

  /** A record and the weekdays (bit 1 = Monday ... bit 5 = Friday) it is checked on. */
  private record Habit(int position, int weekdays) {}

  Habits(
      RepPlan plan,
      Organisation organisation,
      RecordCatalog catalog,
      Behaviour.Habits knobs,
      long seed) {
    this.catalog = catalog;
    this.knobs = knobs;
    this.rng = Rng.of(seed, "habits", plan.rep().index());
    // The customers a rep sees regularly come first, then the busiest of their territory.
    Set<Integer> sites = new LinkedHashSet<>();
    for (Series series : plan.series()) {
      sites.add(series.siteIndex());
    }
    organisation.sitesOf(plan.rep()).stream()
        .sorted(
            (a, b) ->
                Double.compare(organisation.site(b).activity(), organisation.site(a).activity()))
        .limit(12)
        .forEach(sites::add);
    if (sites.isEmpty()) {
      sites.addAll(organisation.sitesInMetro(plan.rep().metroIndex()));
    }
    this.candidateSites = List.copyOf(sites);
    for (int i = 0; i < knobs.recordsPerUser(); i++) {
      habits.add(newHabit());
    }
  }

  /** The records checked by habit on {@code date}; call once per day, in order. */
  List<Integer> lookups(LocalDate date, int dayIndex, Rng dayRng) {
    if (dayIndex > 0 && dayIndex % CHURN_PERIOD_DAYS == 0) {
      for (int i = 0; i < habits.size(); i++) {
        if (rng.chance(knobs.monthlyChurn())) {
          habits.set(i, newHabit());
        }
      }
    }
    int weekdayBit = 1 << date.getDayOfWeek().getValue();
    List<Integer> out = new ArrayList<>();
    for (Habit habit : habits) {
      if ((habit.weekdays() & weekdayBit) != 0 && dayRng.chance(knobs.strength())) {
        out.add(habit.position());
      }
    }
    return out;
  }

  private Habit newHabit() {
    int site =
        candidateSites.get(
            Math.min(
                candidateSites.size() - 1,
                (int) (rng.uniform() * rng.uniform() * candidateSites.size())));
    int first = catalog.first(site);
    List<Integer> choices = new ArrayList<>();
    for (int pos = first; pos < first + catalog.count(site); pos++) {
      RecordType type = catalog.type(pos);
      boolean habitual =
          type == RecordType.PRICE_LIST
              || type == RecordType.PARTS_INVENTORY
              || type == RecordType.ACCOUNT_PROFILE
              || (type == RecordType.SERVICE_HISTORY && catalog.rank(pos) == 0)
              || (type == RecordType.QUOTE_TEMPLATE && catalog.rank(pos) == 0);
      if (habitual) {
        choices.add(pos);
      }
    }
    int position = choices.isEmpty() ? first : choices.get(rng.below(choices.size()));
    int weekdays;
    if (rng.chance(0.2)) {
      weekdays = 0b111110;
    } else {
      weekdays = 1 << rng.between(1, 5);
      if (rng.chance(0.4)) {
        weekdays |= 1 << rng.between(1, 5);
      }
    }
    return new Habit(position, weekdays);
  }
}
