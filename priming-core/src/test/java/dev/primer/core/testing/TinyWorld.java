package dev.primer.core.testing;

import dev.primer.core.appointments.Appointment;
import dev.primer.core.appointments.AppointmentSource;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.User;
import dev.primer.core.dataset.UserRole;
import dev.primer.core.day.DayContext;
import dev.primer.core.day.DayContextFactory;
import dev.primer.core.history.InteractionHistory;
import dev.primer.core.visibility.Visibility;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A hand-built world small enough to reason about: two reps in Chicago, one square territory, three
 * accounts (two inside, one 30 km outside), a handful of records with known sizes.
 */
public final class TinyWorld {
  public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  public static final LocalDate DAY = LocalDate.of(2026, 3, 10);

  public final Catalog catalog;
  public final InteractionHistory history;
  public final List<Appointment> appointments = new ArrayList<>();

  public TinyWorld() {
    GeometryFactory g = new GeometryFactory();
    Territory square =
        new Territory(
            "t1",
            "Chicago Loop",
            g.createPolygon(
                new Coordinate[] {
                  new Coordinate(-87.8, 41.7),
                  new Coordinate(-87.5, 41.7),
                  new Coordinate(-87.5, 42.0),
                  new Coordinate(-87.8, 42.0),
                  new Coordinate(-87.8, 41.7)
                }));
    List<User> users =
        List.of(
            new User(
                "u1",
                "Ana Sales",
                "ana@x.example",
                CHICAGO,
                new GeoPoint(41.85, -87.65),
                List.of("t1"),
                "chicago",
                UserRole.SALES),
            new User(
                "u2",
                "Ben Tech",
                "ben@x.example",
                CHICAGO,
                new GeoPoint(41.85, -87.66),
                List.of("t1"),
                "chicago",
                UserRole.SERVICE));
    List<Account> accounts =
        List.of(
            new Account(
                "a1",
                "ACME Pumps",
                "acme.example",
                "1 Mill Rd, Chicago",
                new GeoPoint(41.80, -87.60),
                "u1"),
            new Account(
                "a2",
                "Beta Foods",
                "beta.example",
                "2 Lake St, Chicago",
                new GeoPoint(41.81, -87.61),
                "u1"),
            new Account(
                "a3",
                "Gamma Steel",
                "gamma.example",
                "3 Far Rd, Joliet",
                new GeoPoint(41.52, -88.08),
                "u1"));
    Instant updated = Instant.parse("2026-01-01T00:00:00Z");
    List<CrmRecord> records =
        List.of(
            record("r1", "a1", RecordType.ACCOUNT_PROFILE, 4_000, updated, List.of()),
            record("r2", "a1", RecordType.CONTACT, 1_000, updated, List.of("r1")),
            record("r3", "a1", RecordType.SCHEMATIC, 5_000_000, updated, List.of()),
            record("r4", "a1", RecordType.SERVICE_HISTORY, 10_000, updated, List.of("r3")),
            record("r5", "a2", RecordType.ACCOUNT_PROFILE, 4_000, updated, List.of()),
            record("r6", "a2", RecordType.PRICE_LIST, 100_000, updated, List.of()),
            record("r7", "a3", RecordType.ACCOUNT_PROFILE, 4_000, updated, List.of()),
            record("r8", "a3", RecordType.SCHEMATIC, 8_000_000, updated, List.of()));
    catalog = Catalog.of(users, accounts, records, List.of(square));
    history = new InteractionHistory(catalog);
  }

  private static CrmRecord record(
      String id,
      String account,
      RecordType type,
      long size,
      Instant updated,
      List<String> related) {
    return new CrmRecord(id, account, type, id + " title", size, 1, updated, related);
  }

  public int user(String id) {
    return catalog.userIndex(id).orElseThrow();
  }

  public int account(String id) {
    return catalog.accountIndex(id).orElseThrow();
  }

  public int record(String id) {
    return catalog.recordIndex(id).orElseThrow();
  }

  /** Adds an interaction at a local time in Chicago. */
  public void touch(String user, String record, LocalDate day, int hour) {
    history.add(user(user), record(record), day.atTime(hour, 0).atZone(CHICAGO).toInstant());
  }

  /** Books an appointment for u1 at an account, at an hour of a day, with a link confidence. */
  public void appointment(String account, LocalDate day, int hour, double confidence) {
    Instant start = day.atTime(hour, 0).atZone(CHICAGO).toInstant();
    appointments.add(
        new Appointment(
            "uid-" + appointments.size(),
            "Visit",
            start,
            start.plusSeconds(3600),
            account(account),
            confidence,
            "test"));
  }

  /** Appointments of u1 only, everything known all along. */
  public AppointmentSource appointmentSource() {
    return (u, asOf, from, to) ->
        u != user("u1")
            ? List.of()
            : appointments.stream()
                .filter(a -> !a.start().isBefore(from) && a.start().isBefore(to))
                .toList();
  }

  public DayContext context(String user, LocalDate day) {
    return new DayContextFactory(history, appointmentSource(), Visibility.of(catalog))
        .contextFor(user(user), day);
  }

  public DayContext context(String user, LocalDate day, Set<Integer> pins) {
    return new DayContextFactory(history, appointmentSource(), u -> pins, Visibility.of(catalog))
        .contextFor(user(user), day);
  }
}
