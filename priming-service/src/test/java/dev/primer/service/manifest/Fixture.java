package dev.primer.service.manifest;

import dev.primer.service.content.BlobInfo;
import dev.primer.service.content.BlobStore;
import dev.primer.service.snapshot.Snapshots;
import io.agroal.api.AgroalDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A small organisation written straight into the test database: three reps in Chicago, one
 * territory, five accounts (four inside it), records with inline content, one large record whose
 * content is a blob, one record without content, and some history.
 */
public final class Fixture {
  /** Size of the large record's content (above the 64 KiB inline limit). */
  public static final int LARGE = 150_000;

  public static final String TERRITORY =
      "{\"type\":\"Feature\",\"properties\":{\"id\":\"T1\",\"name\":\"Chicago\"},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-88.2,41.5],[-87.2,41.5],"
          + "[-87.2,42.2],[-88.2,42.2],[-88.2,41.5]]]}}";

  /** u1 visits account 2 on March 2nd; the link comes from the attendee's domain. */
  public static final String CALENDAR =
      String.join(
          "\r\n",
          "BEGIN:VCALENDAR",
          "VERSION:2.0",
          "PRODID:-//primer//test//EN",
          "BEGIN:VEVENT",
          "UID:visit-1@test",
          "DTSTAMP:20260201T000000Z",
          "CREATED:20260201T000000Z",
          "DTSTART:20260302T160000Z",
          "DTEND:20260302T170000Z",
          "SUMMARY:Visit",
          "ATTENDEE:mailto:bob@account2.example",
          "END:VEVENT",
          "END:VCALENDAR",
          "");

  private static String largeSha;

  private Fixture() {}

  /** Writes the organisation unless this database already has it; then loads the snapshot. */
  public static synchronized void ensure(AgroalDataSource db, BlobStore blobs, Snapshots snapshots)
      throws Exception {
    byte[] large = new byte[LARGE];
    new SplittableRandom(7).nextBytes(large);
    BlobInfo blob = blobs.put(new ByteArrayInputStream(large), LARGE);
    largeSha = blob.sha256();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM users WHERE id = 'u1'");
          ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          snapshots.refreshNow();
          return;
        }
      }
      exec(
          c,
          "INSERT INTO territories (id, name, feature) VALUES ('T1', 'Chicago', ?::jsonb)",
          TERRITORY);
      for (String u : new String[] {"u1", "u2", "u3"}) {
        exec(
            c,
            "INSERT INTO users (id, name, email, timezone, home_lat, home_lon, team_id, role)"
                + " VALUES (?, ?, ?, 'America/Chicago', 41.88, -87.63, 'chicago', 'service')",
            u,
            "Rep " + u,
            u + "@fieldteam.example");
      }
      exec(c, "INSERT INTO user_territories VALUES ('u1', 'T1'), ('u3', 'T1')");
      double[][] where = {
        {41.90, -87.65}, {41.80, -87.70}, {41.95, -87.80}, {41.70, -87.60}, {40.0, -90.0}
      };
      for (int a = 1; a <= 5; a++) {
        exec(
            c,
            "INSERT INTO accounts (id, name, domain, address, lat, lon, owner_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'u1')",
            "a" + a,
            "Account " + a,
            "account" + a + ".example",
            a + " Main St, Chicago",
            where[a - 1][0],
            where[a - 1][1]);
        for (String type : new String[] {"account-profile", "contact", "service-history"}) {
          String id = "r-a" + a + "-" + type;
          byte[] content =
              (type + " of account " + a + " ")
                  .repeat(40 + a * 10)
                  .getBytes(StandardCharsets.UTF_8);
          record(c, id, "a" + a, type, content.length, sha(content), content);
        }
      }
      record(c, "r-a1-schematic", "a1", "schematic", LARGE, largeSha, null);
      // No content yet: never on a device.
      exec(
          c,
          "INSERT INTO records (id, account_id, type, title, size_bytes, version, updated_at)"
              + " VALUES ('r-a1-nocontent', 'a1', 'price-list', 'Price list', 5000, 1, now())");
      exec(
          c,
          "INSERT INTO calendars (user_id, ics, sha256) VALUES ('u1', ?, ?)",
          CALENDAR,
          sha(CALENDAR.getBytes(StandardCharsets.UTF_8)));
      Instant t = Instant.parse("2026-02-20T15:00:00Z");
      for (String r : new String[] {"r-a2-contact", "r-a1-contact", "r-a3-service-history"}) {
        exec(
            c,
            "INSERT INTO interactions (user_id, record_id, at, kind) VALUES ('u1', ?, ?, 'view')",
            r,
            Timestamp.from(t));
        t = t.plusSeconds(3600);
      }
    }
    snapshots.refreshNow();
  }

  /** The SHA-256 of the large record's blob. */
  public static String largeSha() {
    return largeSha;
  }

  private static void record(
      Connection c, String id, String account, String type, long size, String sha, byte[] content)
      throws SQLException {
    exec(
        c,
        "INSERT INTO records (id, account_id, type, title, size_bytes, version, updated_at,"
            + " related_ids, sha256, content) VALUES (?, ?, ?, ?, ?, 1, ?, '{}', ?, ?)",
        id,
        account,
        type,
        "Title of " + id,
        size,
        Timestamp.from(Instant.parse("2026-01-10T10:00:00Z")),
        sha,
        content);
  }

  static String sha(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
