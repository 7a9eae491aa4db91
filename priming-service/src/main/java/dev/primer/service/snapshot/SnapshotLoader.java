package dev.primer.service.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.ParsedCalendar;
import dev.primer.core.appointments.CalendarAppointments;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.AccountShare;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.User;
import dev.primer.core.dataset.UserRole;
import dev.primer.core.history.InteractionHistory;
import dev.primer.core.visibility.Visibility;
import dev.primer.core.visibility.VisibilityRules;
import dev.primer.service.config.PrimerConfig;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.geojson.GeoJsonReadResult;
import dev.primer.territory.geojson.TerritoryGeoJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads the whole organisation from PostgreSQL with plain JDBC (bulk reads, streamed with a fetch
 * size) and builds priming-core's model of it, the same way model-training builds it from files.
 */
@ApplicationScoped
public class SnapshotLoader {
  private static final Logger LOG = Logger.getLogger(SnapshotLoader.class);
  private static final int FETCH = 10_000;

  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper json;
  @Inject DataVersions versions;
  @Inject PrimerConfig config;

  /** The version of the org data in the database now (see {@link DataVersions}). */
  public String currentVersion() {
    try (Connection c = dataSource.getConnection()) {
      return versions.current(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the org data version", e);
    }
  }

  /** Loads a fresh snapshot; takes seconds for a medium organisation. */
  public OrgSnapshot load() {
    long t0 = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      // One repeatable-read transaction: every table as of the same instant.
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        String version = versions.current(c);
        List<Territory> territories = territories(c);
        List<User> users = users(c);
        List<Account> accounts = accounts(c);
        List<String> shas = new ArrayList<>();
        List<CrmRecord> records = records(c, shas);
        Map<String, String> ics = calendarTexts(c);
        // Calendars parse on the common pool while this thread builds the catalog and history.
        CompletableFuture<Map<String, ParsedCalendar>> parsed =
            CompletableFuture.supplyAsync(() -> parse(ics));
        long t1 = System.nanoTime();
        Catalog catalog = Catalog.of(users, accounts, records, territories);
        long t2 = System.nanoTime();
        InteractionHistory history = interactions(c, catalog);
        Visibility visibility =
            Visibility.of(
                catalog, shares(c), new VisibilityRules(config.visibility().teamAccounts()));
        c.commit();
        long t3 = System.nanoTime();
        Map<Integer, ParsedCalendar> calendars = new HashMap<>();
        parsed
            .join()
            .forEach(
                (user, calendar) ->
                    catalog.userIndex(user).ifPresent(u -> calendars.put(u, calendar)));
        CalendarAppointments appointments = new CalendarAppointments(catalog, calendars);
        long t4 = System.nanoTime();
        Duration took = Duration.ofNanos(t4 - t0);
        LOG.infof(
            "org snapshot %s: %d users, %d accounts, %d primable records, %d interactions,"
                + " %d calendars, %d territories in %d ms (rows %d ms, catalog %d ms,"
                + " interactions %d ms, calendars after that %d ms)",
            version,
            users.size(),
            accounts.size(),
            records.size(),
            history.size(),
            calendars.size(),
            territories.size(),
            took.toMillis(),
            (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000,
            (t3 - t2) / 1_000_000,
            (t4 - t3) / 1_000_000);
        return OrgSnapshot.of(
            catalog,
            history,
            appointments,
            visibility,
            shas.toArray(String[]::new),
            version,
            Instant.now(),
            took);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the organisation: " + e.getMessage(), e);
    }
  }

  /**
   * {@code live} as it would be with other territories and assignments (a draft territory model's):
   * the same users, accounts, records, history and calendars, in the same order, so that a
   * selection computed from it differs from the live one only by what the territories change
   * (features and who may read what).
   */
  public OrgSnapshot withTerritories(
      OrgSnapshot live, List<Territory> territories, Map<String, List<String>> assignments) {
    long t0 = System.nanoTime();
    Catalog was = live.catalog();
    List<User> users = new ArrayList<>(was.userCount());
    for (int u = 0; u < was.userCount(); u++) {
      User user = was.user(u);
      users.add(
          new User(
              user.id(),
              user.name(),
              user.email(),
              user.timezone(),
              user.home(),
              assignments.getOrDefault(user.id(), List.of()),
              user.teamId(),
              user.role()));
    }
    List<Account> accounts = new ArrayList<>(was.accountCount());
    for (int a = 0; a < was.accountCount(); a++) {
      accounts.add(was.account(a));
    }
    List<CrmRecord> records = new ArrayList<>(was.recordCount());
    for (int r = 0; r < was.recordCount(); r++) {
      records.add(was.record(r));
    }
    Catalog catalog = Catalog.of(users, accounts, records, territories);
    List<AccountShare> shares;
    try (Connection c = dataSource.getConnection()) {
      shares = shares(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the account shares", e);
    }
    Visibility visibility =
        Visibility.of(catalog, shares, new VisibilityRules(config.visibility().teamAccounts()));
    return OrgSnapshot.of(
        catalog,
        live.history().over(catalog),
        live.appointments(),
        visibility,
        live.sha256(),
        live.dataVersion() + "+territories",
        Instant.now(),
        Duration.ofNanos(System.nanoTime() - t0));
  }

  private static List<AccountShare> shares(Connection c) throws SQLException {
    List<AccountShare> shares = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT account_id, user_id FROM account_shares");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        shares.add(new AccountShare(rs.getString(1), rs.getString(2)));
      }
    }
    return shares;
  }

  private List<Territory> territories(Connection c) throws SQLException {
    ArrayNode features = json.createArrayNode();
    try (PreparedStatement s =
            c.prepareStatement("SELECT id, name, feature::text FROM territories ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ObjectNode feature = (ObjectNode) readTree(rs.getString(3));
        // The row is the truth for id and name, whatever the stored Feature says.
        ObjectNode properties = feature.withObject("/properties");
        properties.put("id", rs.getString(1));
        properties.put("name", rs.getString(2) == null ? rs.getString(1) : rs.getString(2));
        features.add(feature);
      }
    }
    if (features.isEmpty()) {
      return List.of();
    }
    ObjectNode collection = json.createObjectNode();
    collection.put("type", "FeatureCollection");
    collection.set("features", features);
    GeoJsonReadResult read = TerritoryGeoJson.read(collection.toString());
    if (read.hasErrors()) {
      // Stored territories were validated on the way in; one that no longer reads is left out.
      LOG.warnf("stored territories with problems: %s", read.problems());
    }
    return read.territories();
  }

  private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<User> users(Connection c) throws SQLException {
    Map<String, List<String>> territoriesOf = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT user_id, territory_id FROM user_territories ORDER BY user_id, territory_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        territoriesOf.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    List<User> users = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT id, name, email, timezone, home_lat, home_lon, team_id, role"
                    + " FROM users ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        users.add(
            new User(
                id,
                orEmpty(rs.getString(2)),
                orEmpty(rs.getString(3)),
                zone(rs.getString(4)),
                new GeoPoint(rs.getDouble(5), rs.getDouble(6)),
                territoriesOf.getOrDefault(id, List.of()),
                // Users imported without a team share one; team features then see the whole org.
                rs.getString(7) == null ? "default" : rs.getString(7),
                rs.getString(8) == null ? UserRole.SALES : UserRole.fromWireName(rs.getString(8))));
      }
    }
    return users;
  }

  private static ZoneId zone(String id) {
    try {
      return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private List<Account> accounts(Connection c) throws SQLException {
    List<Account> accounts = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, name, domain, address, lat, lon, owner_id FROM accounts ORDER BY id")) {
      s.setFetchSize(FETCH);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          accounts.add(
              new Account(
                  rs.getString(1),
                  orEmpty(rs.getString(2)),
                  orEmpty(rs.getString(3)),
                  orEmpty(rs.getString(4)),
                  new GeoPoint(rs.getDouble(5), rs.getDouble(6)),
                  rs.getString(7)));
        }
      }
    }
    return accounts;
  }

  /**
   * Records with content only (a record without content cannot be put on a device), not deleted by
   * the back office, of a known account or the organisation's.
   */
  private List<CrmRecord> records(Connection c, List<String> shas) throws SQLException {
    List<CrmRecord> records = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            // A field change raises fields_revision: devices see version + fields_revision.
            "SELECT r.id, r.account_id, r.type, r.title, r.size_bytes,"
                + " r.version + r.fields_revision, r.updated_at,"
                + " array_to_string(r.related_ids, ','), r.sha256"
                + " FROM records r LEFT JOIN accounts a ON a.id = r.account_id"
                + " WHERE r.sha256 IS NOT NULL AND r.deleted_at IS NULL"
                // An account's record needs its account; the organisation's price books and
                // rules belong to none.
                + " AND (a.id IS NOT NULL OR (r.account_id = '' AND r.type = ANY (?)))"
                + " ORDER BY r.id")) {
      s.setArray(1, c.createArrayOf("text", RecordType.organisationWideNames().toArray()));
      s.setFetchSize(FETCH);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String related = rs.getString(8);
          records.add(
              new CrmRecord(
                  rs.getString(1),
                  rs.getString(2),
                  RecordType.fromWireName(rs.getString(3)),
                  orEmpty(rs.getString(4)),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getTimestamp(7).toInstant(),
                  related == null || related.isEmpty() ? List.of() : List.of(related.split(","))));
          shas.add(rs.getString(9));
        }
      }
    }
    return records;
  }

  private InteractionHistory interactions(Connection c, Catalog catalog) throws SQLException {
    InteractionHistory history = new InteractionHistory(catalog);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT user_id, record_id, extract(epoch FROM at)::int8 FROM interactions"
                + " ORDER BY at")) {
      s.setFetchSize(FETCH);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          OptionalInt u = catalog.userIndex(rs.getString(1));
          OptionalInt r = catalog.recordIndex(rs.getString(2));
          // Interactions with records that have no content yet cannot inform a selection of them.
          if (u.isPresent() && r.isPresent()) {
            history.add(u.getAsInt(), r.getAsInt(), Instant.ofEpochSecond(rs.getLong(3)));
          }
        }
      }
    }
    return history;
  }

  private static Map<String, String> calendarTexts(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT user_id, ics FROM calendars");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        if (rs.getString(2) != null) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private static Map<String, ParsedCalendar> parse(Map<String, String> ics) {
    Map<String, ParsedCalendar> out = new ConcurrentHashMap<>();
    ics.entrySet().parallelStream()
        .forEach(
            e ->
                out.put(
                    e.getKey(), CalendarParser.parse(e.getValue(), "calendar of " + e.getKey())));
    return out;
  }
}
