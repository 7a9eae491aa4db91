package dev.primer.service.imports;

import dev.primer.core.dataset.User;
import dev.primer.service.data.Sql;
import dev.primer.service.storable.FieldChecks;
import dev.primer.service.storable.StorableText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users by id, with their territories: a user's {@code territoryIds} replace the territories stored
 * for that user. A line is unchanged when neither the user nor the territories differ.
 */
final class UserUpserter implements Upserter<User> {
  private static final String SQL =
      """
      INSERT INTO users (id, name, email, timezone, home_lat, home_lon, team_id, role, updated_at)
      SELECT u.*, now()
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[])
           AS u(id, name, email, timezone, home_lat, home_lon, team_id, role)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, email = excluded.email, timezone = excluded.timezone,
        home_lat = excluded.home_lat, home_lon = excluded.home_lon, team_id = excluded.team_id,
        role = excluded.role, updated_at = now()
      WHERE (users.name, users.email, users.timezone, users.home_lat, users.home_lon, users.team_id, users.role)
            IS DISTINCT FROM
            (excluded.name, excluded.email, excluded.timezone, excluded.home_lat, excluded.home_lon,
             excluded.team_id, excluded.role)
      RETURNING id, (xmax = 0)
      """;

  @Override
  public Class<User> type() {
    return User.class;
  }

  /** Territories one user may hold. */
  static final int MAX_TERRITORIES = 1_000;

  @Override
  public void check(User u, FieldChecks checks) {
    checks
        .text("id", u.id(), StorableText.MAX_ID)
        .text("name", u.name(), StorableText.MAX_NAME)
        .text("email", u.email(), StorableText.MAX_NAME)
        .text("teamId", u.teamId(), StorableText.MAX_ID)
        .texts("territoryIds", u.territoryIds(), StorableText.MAX_ID, MAX_TERRITORIES);
  }

  @Override
  public Counts upsert(Connection c, List<User> batch) throws SQLException {
    Map<String, User> last = new LinkedHashMap<>();
    batch.forEach(u -> last.put(u.id(), u));
    List<User> rows = new ArrayList<>(last.values());
    Map<String, Set<String>> before = territories(c, rows);
    Map<String, Boolean> written = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setArray(1, Sql.text(c, rows, User::id));
      s.setArray(2, Sql.text(c, rows, User::name));
      s.setArray(3, Sql.text(c, rows, User::email));
      s.setArray(4, Sql.text(c, rows, u -> u.timezone().getId()));
      s.setArray(5, Sql.float8(c, rows, u -> u.home().lat()));
      s.setArray(6, Sql.float8(c, rows, u -> u.home().lon()));
      s.setArray(7, Sql.text(c, rows, User::teamId));
      s.setArray(8, Sql.text(c, rows, u -> u.role().wireName()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          written.put(rs.getString(1), rs.getBoolean(2));
        }
      }
    }
    long inserted = 0;
    long updated = 0;
    List<User> moved = new ArrayList<>();
    for (User u : rows) {
      boolean territoriesDiffer =
          !before.getOrDefault(u.id(), Set.of()).equals(new HashSet<>(u.territoryIds()));
      if (territoriesDiffer) {
        moved.add(u);
      }
      Boolean insert = written.get(u.id());
      if (insert != null && insert) {
        inserted++;
      } else if (insert != null || territoriesDiffer) {
        updated++;
      }
    }
    replaceTerritories(c, moved);
    return new Counts(inserted, updated, batch.size() - inserted - updated);
  }

  private static Map<String, Set<String>> territories(Connection c, List<User> users)
      throws SQLException {
    Map<String, Set<String>> byUser = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT user_id, territory_id FROM user_territories WHERE user_id = ANY(?)")) {
      q.setArray(1, Sql.text(c, users, User::id));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          byUser.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
    return byUser;
  }

  private static void replaceTerritories(Connection c, List<User> users) throws SQLException {
    if (users.isEmpty()) {
      return;
    }
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM user_territories WHERE user_id = ANY(?)")) {
      delete.setArray(1, Sql.text(c, users, User::id));
      delete.executeUpdate();
    }
    List<String[]> pairs = new ArrayList<>();
    for (User u : users) {
      for (String t : new HashSet<>(u.territoryIds())) {
        pairs.add(new String[] {u.id(), t});
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO user_territories (user_id, territory_id)"
                + " SELECT * FROM unnest(?::text[], ?::text[])")) {
      insert.setArray(1, Sql.text(c, pairs, p -> p[0]));
      insert.setArray(2, Sql.text(c, pairs, p -> p[1]));
      insert.executeUpdate();
    }
  }
}
