package dev.primer.core.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.appointments.AppointmentSource;
import dev.primer.core.candidates.CandidateGenerator;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.candidates.Candidates;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.AccountShare;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.User;
import dev.primer.core.dataset.UserRole;
import dev.primer.core.day.DayContext;
import dev.primer.core.day.DayContextFactory;
import dev.primer.core.history.InteractionHistory;
import dev.primer.core.selection.Baselines;
import dev.primer.core.selection.Selection;
import dev.primer.core.selection.SelectionEntry;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class VisibilityTest {
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

  /**
   * Four reps: ana and bo on team north, cy on team south, di on team south holding territory t1.
   * Accounts: a-ana (ana's, inside t1), a-bo (bo's, far away), a-cy (cy's, far away), a-shared
   * (cy's, far away, shared with ana).
   */
  private final Catalog catalog =
      Catalog.of(
          List.of(
              user("ana", "north", List.of()),
              user("bo", "north", List.of()),
              user("cy", "south", List.of()),
              user("di", "south", List.of("t1"))),
          List.of(
              account("a-ana", 41.80, -87.60, "ana"),
              account("a-bo", 45.0, -93.0, "bo"),
              account("a-cy", 40.0, -75.0, "cy"),
              account("a-shared", 39.0, -77.0, "cy")),
          List.of(
              record("r-ana", "a-ana"),
              record("r-bo", "a-bo"),
              record("r-cy", "a-cy"),
              record("r-shared", "a-shared")),
          List.of(square()));

  private final List<AccountShare> shares = List.of(new AccountShare("a-shared", "ana"));

  @Test
  void aUserReadsOwnedTerritoryTeamAndSharedAccountsAndNothingElse() {
    Visibility v = Visibility.of(catalog, shares, VisibilityRules.defaults());

    assertThat(readable(v, "ana")).containsExactlyInAnyOrder("a-ana", "a-bo", "a-shared");
    assertThat(readable(v, "bo")).containsExactlyInAnyOrder("a-ana", "a-bo");
    assertThat(readable(v, "cy")).containsExactlyInAnyOrder("a-cy", "a-shared");
    // di owns nothing but holds the territory a-ana lies in, and is cy's teammate.
    assertThat(readable(v, "di")).containsExactlyInAnyOrder("a-ana", "a-cy", "a-shared");
  }

  @Test
  void withoutTeamAccountsTeammatesOwnAccountsAreNotReadable() {
    Visibility v = Visibility.of(catalog, shares, new VisibilityRules(false));

    assertThat(readable(v, "bo")).containsExactly("a-bo");
    assertThat(readable(v, "ana")).containsExactlyInAnyOrder("a-ana", "a-shared");
  }

  @Test
  void sharesNamingUnknownUsersOrAccountsGrantNothing() {
    Visibility v =
        Visibility.of(
            catalog,
            List.of(new AccountShare("a-cy", "nobody"), new AccountShare("gone", "bo")),
            VisibilityRules.defaults());

    assertThat(readable(v, "bo")).containsExactlyInAnyOrder("a-ana", "a-bo");
  }

  @Test
  void anotherUsersHistoryNeverBecomesACandidateOrASelection() {
    InteractionHistory history = new InteractionHistory(catalog);
    // bo (team north) touched cy's private record many times: a laundering attempt would look so.
    Instant before = DAY.minusDays(1).atTime(10, 0).atZone(ZONE).toInstant();
    for (int i = 0; i < 20; i++) {
      history.add(index("bo"), record("r-cy"), before.minusSeconds(3600L * i));
    }
    Visibility v = Visibility.of(catalog, shares, VisibilityRules.defaults());
    DayContext ctx =
        new DayContextFactory(history, AppointmentSource.none(), v).contextFor(index("bo"), DAY);

    Candidates candidates = new CandidateGenerator(CandidateSettings.defaults()).generate(ctx);
    Set<String> proposed = new HashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      proposed.add(catalog.record(candidates.record(i)).id());
    }
    assertThat(proposed).doesNotContain("r-cy");

    Selection recent = Baselines.recent().select(ctx, List.of(1L << 30)).get(0);
    assertThat(recent.entries())
        .extracting((SelectionEntry e) -> catalog.record(e.record()).id())
        .doesNotContain("r-cy");
  }

  private Set<String> readable(Visibility v, String user) {
    ReadableAccounts r = v.readableBy(index(user));
    Set<String> out = new HashSet<>();
    for (int a = 0; a < catalog.accountCount(); a++) {
      if (r.account(a)) {
        out.add(catalog.account(a).id());
      }
    }
    assertThat(r.count()).isEqualTo(out.size());
    return out;
  }

  private int index(String user) {
    return catalog.userIndex(user).orElseThrow();
  }

  private int record(String id) {
    return catalog.recordIndex(id).orElseThrow();
  }

  private static User user(String id, String team, List<String> territories) {
    return new User(
        id,
        id,
        id + "@x.example",
        ZONE,
        new GeoPoint(41.85, -87.65),
        new ArrayList<>(territories),
        team,
        UserRole.SALES);
  }

  private static Account account(String id, double lat, double lon, String owner) {
    return new Account(id, id, id + ".example", "1 Road", new GeoPoint(lat, lon), owner);
  }

  private static CrmRecord record(String id, String account) {
    return new CrmRecord(
        id,
        account,
        RecordType.ACCOUNT_PROFILE,
        id,
        4_000,
        1,
        Instant.parse("2026-01-01T00:00:00Z"),
        List.of());
  }

  private static Territory square() {
    GeometryFactory g = new GeometryFactory();
    return new Territory(
        "t1",
        "Chicago",
        g.createPolygon(
            new Coordinate[] {
              new Coordinate(-87.8, 41.7),
              new Coordinate(-87.5, 41.7),
              new Coordinate(-87.5, 42.0),
              new Coordinate(-87.8, 42.0),
              new Coordinate(-87.8, 41.7)
            }));
  }
}
