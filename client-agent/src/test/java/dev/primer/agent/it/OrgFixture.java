package dev.primer.agent.it;

import dev.primer.agent.sync.RecordPreparer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small organisation written into the service's database before it starts: three territories,
 * each with its reps, accounts, readable small records and a few large schematics whose content
 * sits in the service's blob directory.
 */
final class OrgFixture {
  /** Territory id → (users, accounts, small records per account, schematics, schematic size). */
  record Territory(
      String id,
      double lat,
      double lon,
      List<String> users,
      int accounts,
      int perAccount,
      int schematics,
      int schematicBytes) {}

  static final List<Territory> TERRITORIES =
      List.of(
          new Territory("T1", 41.85, -87.70, List.of("u1", "u4"), 30, 60, 4, 1_000_000),
          new Territory("T2", 39.70, -104.95, List.of("u2"), 10, 30, 2, 200_000),
          new Territory("T3", 42.35, -71.05, List.of("u3"), 10, 30, 2, 200_000));

  private static final String[] PARTS = {"seal", "impeller", "bearing", "gasket", "valve", "rotor"};

  /** Every record with content: id → sha256. */
  final Map<String, String> sha = new LinkedHashMap<>();

  /** Every record's content. */
  final Map<String, byte[]> content = new LinkedHashMap<>();

  /** Large records' ids per territory. */
  final Map<String, List<String>> schematics = new LinkedHashMap<>();

  /** The word only small record {@code id}'s text holds (whatever its version). */
  static String uniqueCode(String id) {
    return "quartz" + Math.abs(id.hashCode()) % 100_000;
  }

  /** The readable text of small record {@code id} at {@code version}. */
  static String text(String id, String account, int version) {
    StringBuilder out = new StringBuilder();
    int h = Math.abs(id.hashCode());
    out.append("Service history ")
        .append(id)
        .append(" version ")
        .append(version)
        .append(" for ")
        .append(account)
        .append(". Unique code ")
        .append(uniqueCode(id))
        .append(". ");
    for (int i = 0; i < 8 + h % 20; i++) {
      out.append("Technician replaced the ")
          .append(PARTS[(h + i) % PARTS.length])
          .append(" on pump model P")
          .append((h + i) % 90)
          .append(" and tested pressure at ")
          .append(20 + i)
          .append(" bar. ");
    }
    return out.toString();
  }

  /** Writes the organisation; the service must be stopped or restarted afterwards. */
  void seed(Connection c, ServiceHarness service) throws Exception {
    Instant updated = Instant.parse("2026-04-01T10:00:00Z");
    for (Territory t : TERRITORIES) {
      double d = 0.2;
      String feature =
          String.format(
              java.util.Locale.ROOT,
              "{\"type\":\"Feature\",\"properties\":{\"id\":\"%s\",\"name\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
                  + "\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}",
              t.id(),
              t.id(),
              t.lon() - d,
              t.lat() - d,
              t.lon() + d,
              t.lat() - d,
              t.lon() + d,
              t.lat() + d,
              t.lon() - d,
              t.lat() + d,
              t.lon() - d,
              t.lat() - d);
      exec(
          c,
          "INSERT INTO territories (id, name, feature, updated_at) VALUES (?, ?, ?::jsonb, now())",
          t.id(),
          t.id(),
          feature);
      for (String u : t.users()) {
        exec(
            c,
            "INSERT INTO users (id, name, email, timezone, home_lat, home_lon, team_id, role) VALUES (?, ?, ?, 'UTC', ?, ?, ?, 'service')",
            u,
            "Rep " + u,
            u + "@example.com",
            t.lat(),
            t.lon(),
            t.id());
        exec(c, "INSERT INTO user_territories (user_id, territory_id) VALUES (?, ?)", u, t.id());
      }
      List<String> large = new ArrayList<>();
      for (int a = 0; a < t.accounts(); a++) {
        String account = t.id() + "-a" + a;
        exec(
            c,
            "INSERT INTO accounts (id, name, domain, address, lat, lon, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            account,
            "Account " + account,
            account + ".example",
            a + " Main St",
            t.lat() + (a % 5 - 2) * 0.02,
            t.lon() + (a / 5 % 5 - 2) * 0.02,
            t.users().get(0));
        for (int r = 0; r < t.perAccount(); r++) {
          String id = "r-" + account + "-" + r;
          byte[] bytes = text(id, account, 1).getBytes(StandardCharsets.UTF_8);
          record(
              c,
              id,
              account,
              r % 3 == 0 ? "contact" : "service-history",
              "Report " + r + " of " + account,
              bytes.length,
              1,
              updated,
              bytes);
          if (r < 3) {
            exec(
                c,
                "INSERT INTO interactions (user_id, record_id, at, kind) VALUES (?, ?, ?, 'view')",
                t.users().get(0),
                id,
                Timestamp.from(
                    Instant.parse(ServiceHarness.NOW).minusSeconds(3600L * (a + 1) + r)));
          }
        }
        if (a < t.schematics()) {
          String id = "r-" + account + "-schematic";
          byte[] bytes = new byte[t.schematicBytes()];
          new SplittableRandom(a * 31L + t.id().hashCode()).nextBytes(bytes);
          String s = RecordPreparer.sha256(bytes);
          Path file = service.blobFile(s);
          Files.createDirectories(file.getParent());
          Files.write(file, bytes);
          record(
              c,
              id,
              account,
              "schematic",
              "Schematic of " + account,
              bytes.length,
              1,
              updated,
              null);
          exec(c, "UPDATE records SET sha256 = ? WHERE id = ?", s, id);
          sha.put(id, s);
          content.put(id, bytes);
          large.add(id);
        }
      }
      schematics.put(t.id(), large);
    }
  }

  /** Gives {@code count} small records of {@code territory} a new version with new content. */
  List<String> change(Connection c, String territory, int count) throws SQLException {
    List<String> changed = new ArrayList<>();
    for (String id : sha.keySet()) {
      if (changed.size() == count) {
        break;
      }
      if (id.startsWith("r-" + territory + "-") && !id.endsWith("schematic")) {
        String account = id.substring(2, id.lastIndexOf('-'));
        byte[] bytes = text(id, account, 2).getBytes(StandardCharsets.UTF_8);
        String s = RecordPreparer.sha256(bytes);
        exec(
            c,
            "UPDATE records SET version = 2, content = ?, sha256 = ?, size_bytes = ?, updated_at = ? WHERE id = ?",
            bytes,
            s,
            (long) bytes.length,
            Timestamp.from(Instant.parse("2026-05-02T10:00:00Z")),
            id);
        sha.put(id, s);
        content.put(id, bytes);
        changed.add(id);
      }
    }
    return changed;
  }

  private void record(
      Connection c,
      String id,
      String account,
      String type,
      String title,
      long size,
      long version,
      Instant updated,
      byte[] bytes)
      throws SQLException {
    if (bytes == null) {
      exec(
          c,
          "INSERT INTO records (id, account_id, type, title, size_bytes, version, updated_at, related_ids)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, '{}')",
          id,
          account,
          type,
          title,
          size,
          version,
          Timestamp.from(updated));
    } else {
      exec(
          c,
          "INSERT INTO records (id, account_id, type, title, size_bytes, version, updated_at, related_ids, sha256, content)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)",
          id,
          account,
          type,
          title,
          size,
          version,
          Timestamp.from(updated),
          RecordPreparer.sha256(bytes),
          bytes);
      sha.put(id, RecordPreparer.sha256(bytes));
      content.put(id, bytes);
    }
  }

  static void exec(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }
}
