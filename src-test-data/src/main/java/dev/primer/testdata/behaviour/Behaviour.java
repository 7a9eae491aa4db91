package dev.primer.testdata.behaviour;

import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.UserRole;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every knob of the simulated organisation's behaviour; see default-behaviour.yaml for what each
 * one means and its default.
 */
public record Behaviour(
    Territories territories,
    Visits visits,
    Unplanned unplanned,
    Preparation preparation,
    Access access,
    Habits habits,
    Lookups lookups) {

  /** How territories are drawn and how strictly reps keep to them. */
  public record Territories(
      double inTerritoryVisitShare,
      double accountsOutsideTerritories,
      double accountsOwnedElsewhere,
      double overlappingTerritories,
      double shrunkTerritories,
      double territoriesWithEnclaves) {
    public Territories {
      Check.share("territories.inTerritoryVisitShare", inTerritoryVisitShare);
      Check.share("territories.accountsOutsideTerritories", accountsOutsideTerritories);
      Check.share("territories.accountsOwnedElsewhere", accountsOwnedElsewhere);
      Check.share("territories.overlappingTerritories", overlappingTerritories);
      Check.share("territories.shrunkTerritories", shrunkTerritories);
      Check.share("territories.territoriesWithEnclaves", territoriesWithEnclaves);
      if (accountsOutsideTerritories + accountsOwnedElsewhere > 0.5) {
        throw new IllegalArgumentException(
            "territories.accountsOutsideTerritories + accountsOwnedElsewhere must be <= 0.5");
      }
    }
  }

  /** Planned visits as they appear in the calendars. */
  public record Visits(
      double salesPerDay,
      double servicePerDay,
      double recurringShare,
      int maxLeadDays,
      double sameDayBookingShare,
      double noShowRate,
      double cancellationRate,
      double lateCancellationShare,
      double movedOccurrenceRate,
      double vacationWeeksPerYear,
      double allDayEventsPerMonth) {
    public Visits {
      Check.range("visits.salesPerDay", salesPerDay, 0, 8);
      Check.range("visits.servicePerDay", servicePerDay, 0, 8);
      Check.share("visits.recurringShare", recurringShare);
      Check.range("visits.maxLeadDays", maxLeadDays, 1, 90);
      Check.share("visits.sameDayBookingShare", sameDayBookingShare);
      Check.share("visits.noShowRate", noShowRate);
      Check.share("visits.cancellationRate", cancellationRate);
      Check.share("visits.lateCancellationShare", lateCancellationShare);
      Check.share("visits.movedOccurrenceRate", movedOccurrenceRate);
      Check.range("visits.vacationWeeksPerYear", vacationWeeksPerYear, 0, 20);
      Check.range("visits.allDayEventsPerMonth", allDayEventsPerMonth, 0, 10);
    }

    /** The mean planned visits per working day for a rep of this role. */
    public double perDay(UserRole role) {
      return role == UserRole.SALES ? salesPerDay : servicePerDay;
    }
  }

  /** Work that never was in the calendar the night before. */
  public record Unplanned(
      double emergencyCallsPerDay, double dropInVisitsPerDay, double nearbyRadiusKm) {
    public Unplanned {
      Check.range("unplanned.emergencyCallsPerDay", emergencyCallsPerDay, 0, 10);
      Check.range("unplanned.dropInVisitsPerDay", dropInVisitsPerDay, 0, 10);
      Check.range("unplanned.nearbyRadiusKm", nearbyRadiusKm, 0.1, 200);
    }

    /** Unplanned visits per working day for a rep of this role. */
    public double perDay(UserRole role) {
      return role == UserRole.SALES ? dropInVisitsPerDay : emergencyCallsPerDay;
    }
  }

  /** When reps look records up around a visit. */
  public record Preparation(double dayBeforeShare, double followUpRate) {
    public Preparation {
      Check.share("preparation.dayBeforeShare", dayBeforeShare);
      Check.share("preparation.followUpRate", followUpRate);
    }
  }

  /** Which records of a visited account a rep opens. */
  public record Access(
      Map<RecordType, Double> sales,
      Map<RecordType, Double> service,
      double popularitySpread,
      double editShare) {
    public Access {
      sales = complete("access.sales", sales);
      service = complete("access.service", service);
      Check.range("access.popularitySpread", popularitySpread, 0, 3);
      Check.share("access.editShare", editShare);
    }

    /** The probability that a rep of {@code role} opens a record of {@code type} on a visit. */
    public double probability(UserRole role, RecordType type) {
      // complete() gave both maps every type.
      return Objects.requireNonNull((role == UserRole.SALES ? sales : service).get(type));
    }

    private static Map<RecordType, Double> complete(String key, Map<RecordType, Double> given) {
      Map<RecordType, Double> all = new EnumMap<>(RecordType.class);
      for (RecordType type : RecordType.values()) {
        if (type.organisationWide() || type == RecordType.QUOTE) {
          // Not records of a site: nobody opens them on a visit in the simulation.
          all.put(type, 0.0);
          continue;
        }
        Double p = given.get(type);
        if (p == null) {
          throw new IllegalArgumentException(key + "." + type.wireName() + " is missing");
        }
        Check.share(key + "." + type.wireName(), p);
        all.put(type, p);
      }
      return Map.copyOf(all);
    }
  }

  /** Records looked up by habit on fixed weekdays. */
  public record Habits(int recordsPerUser, double strength, double monthlyChurn) {
    public Habits {
      Check.range("habits.recordsPerUser", recordsPerUser, 0, 100);
      Check.share("habits.strength", strength);
      Check.share("habits.monthlyChurn", monthlyChurn);
    }
  }

  /** Lookups outside visits and habits. */
  public record Lookups(double randomPerDay, double teammatePerDay, double searchMissShare) {
    public Lookups {
      Check.range("lookups.randomPerDay", randomPerDay, 0, 50);
      Check.range("lookups.teammatePerDay", teammatePerDay, 0, 50);
      Check.share("lookups.searchMissShare", searchMissShare);
    }
  }

  /** Range checks with messages that name the key and the bad value. */
  private static final class Check {
    private Check() {}

    static void share(String key, double value) {
      range(key, value, 0, 1);
    }

    static void range(String key, double value, double min, double max) {
      if (!(value >= min && value <= max)) {
        throw new IllegalArgumentException(
            key + " must be within [" + fmt(min) + ", " + fmt(max) + "], was " + fmt(value));
      }
    }

    private static String fmt(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
  }
}
