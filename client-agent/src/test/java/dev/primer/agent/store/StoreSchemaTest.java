package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class StoreSchemaTest {
  @TempDir Path dir;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
  }

  private Connection connectReadOnly() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    return config.createConnection("jdbc:sqlite:" + dir.resolve("store.db"));
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The content table as layout 0 had it: unique on (record_id, sha256). */
  private static void createLayoutZeroContent(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE content (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL,"
            + " sha256 TEXT NOT NULL, version INTEGER NOT NULL, account_id TEXT NOT NULL,"
            + " type TEXT NOT NULL, updated_at TEXT NOT NULL, size_bytes INTEGER NOT NULL,"
            + " title BLOB NOT NULL, body BLOB NOT NULL, blob INTEGER NOT NULL,"
            + " related BLOB NOT NULL, UNIQUE (record_id, sha256))");
  }

  private static void insertContent(Statement s, long id, String recordId) throws SQLException {
    s.execute(
        "INSERT INTO content VALUES ("
            + id
            + ", '"
            + recordId
            + "', 'sha-"
            + recordId
            + "', 1, 'a1', 'contact', '2026-05-01T00:00:00Z', 10, x'01', x'02', 0, x'03')");
  }

  @Test
  void aNewStoreGetsExactlyTheTablesOfLayoutThree() throws Exception {
    try (Connection db = connect();
        Statement s = db.createStatement()) {
      StoreSchema.migrate(s);

      assertThat(strings(s, "PRAGMA user_version")).containsExactly("3");
      // The on-disk format agents in the field read: a change here needs a new layout number.
      assertThat(strings(s, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid"))
          .containsExactly(
              "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
              "CREATE TABLE manifest (record_id TEXT PRIMARY KEY, version INTEGER NOT NULL,"
                  + " size_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, tier TEXT NOT NULL,"
                  + " score REAL NOT NULL, type TEXT NOT NULL, title BLOB NOT NULL,"
                  + " reason BLOB NOT NULL, rank INTEGER NOT NULL)",
              "CREATE TABLE staged_manifest (record_id TEXT PRIMARY KEY, version INTEGER NOT NULL,"
                  + " size_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, tier TEXT NOT NULL,"
                  + " score REAL NOT NULL, type TEXT NOT NULL, title BLOB NOT NULL,"
                  + " reason BLOB NOT NULL, rank INTEGER NOT NULL)",
              "CREATE INDEX staged_rank ON staged_manifest (rank)",
              "CREATE TABLE content (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL,"
                  + " sha256 TEXT NOT NULL, version INTEGER NOT NULL, account_id TEXT NOT NULL,"
                  + " type TEXT NOT NULL, updated_at TEXT NOT NULL, size_bytes INTEGER NOT NULL,"
                  + " title BLOB NOT NULL, body BLOB NOT NULL, blob INTEGER NOT NULL,"
                  + " related BLOB NOT NULL)",
              "CREATE INDEX content_record ON content (record_id)",
              "CREATE TABLE unindex (id INTEGER PRIMARY KEY)",
              "CREATE TABLE access_events (event_id TEXT PRIMARY KEY, record_id TEXT,"
                  + " at TEXT NOT NULL, kind TEXT NOT NULL, query BLOB,"
                  + " sent INTEGER NOT NULL DEFAULT 0)",
              "CREATE TABLE record_fields (record_id TEXT PRIMARY KEY,"
                  + " version INTEGER NOT NULL, type TEXT NOT NULL, account_id TEXT NOT NULL,"
                  + " title BLOB NOT NULL, fields BLOB NOT NULL)",
              "CREATE TABLE edit_ops (seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE,"
                  + " record_id TEXT NOT NULL, kind TEXT NOT NULL, op BLOB NOT NULL,"
                  + " state TEXT NOT NULL, receipt BLOB, record_version INTEGER NOT NULL DEFAULT 0,"
                  + " overlay INTEGER NOT NULL, resolution TEXT NOT NULL DEFAULT '',"
                  + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
              "CREATE INDEX edit_ops_record ON edit_ops (record_id)",
              "CREATE INDEX edit_ops_state ON edit_ops (state)",
              "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, event TEXT NOT"
                  + " NULL, subject TEXT NOT NULL, detail BLOB NOT NULL, prev TEXT NOT NULL, hash"
                  + " TEXT NOT NULL)");
    }
  }

  @Test
  void aLayoutZeroStoreLosesItsUniqueIndexAndInStoreSearchTableButKeepsItsContentIds()
      throws Exception {
    try (Connection db = connect();
        Statement s = db.createStatement()) {
      createLayoutZeroContent(s);
      insertContent(s, 5, "r1");
      insertContent(s, 9, "r2");
      s.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, content='')");
    }

    try (Connection db = connect();
        Statement s = db.createStatement()) {
      StoreSchema.migrate(s);

      assertThat(strings(s, "PRAGMA user_version")).containsExactly("3");
      assertThat(strings(s, "SELECT id || ':' || record_id FROM content ORDER BY id"))
          .containsExactly("5:r1", "9:r2");
      assertThat(strings(s, "SELECT name FROM pragma_index_list('content')"))
          .containsExactly("content_record");
      assertThat(strings(s, "SELECT name FROM sqlite_schema WHERE name LIKE 'fts%'")).isEmpty();
      assertThat(strings(s, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"))
          .containsExactly(
              "access_events",
              "audit_log",
              "content",
              "edit_ops",
              "manifest",
              "meta",
              "record_fields",
              "staged_manifest",
              "unindex");
    }
  }

  @Test
  void anUpgradeThatFailsHalfWayLeavesTheStoreAsItWas() throws Exception {
    try (Connection db = connect();
        Statement s = db.createStatement()) {
      // A content table the upgrade cannot copy (a column short), so it fails after creating
      // tables.
      s.execute("CREATE TABLE content (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL)");
      s.execute("INSERT INTO content VALUES (3, 'r1')");
    }

    try (Connection db = connect();
        Statement s = db.createStatement()) {
      assertThatThrownBy(() -> StoreSchema.migrate(s)).isInstanceOf(SQLException.class);

      assertThat(strings(s, "PRAGMA user_version")).containsExactly("0");
      assertThat(strings(s, "SELECT name FROM sqlite_schema WHERE type = 'table'"))
          .containsExactly("content");
      assertThat(strings(s, "SELECT id || ':' || record_id FROM content")).containsExactly("3:r1");
    }
  }

  @Test
  void aStoreAtTheCurrentLayoutIsOnlyRead() throws Exception {
    try (Connection db = connect();
        Statement s = db.createStatement()) {
      StoreSchema.migrate(s);
    }
    // On a read-only connection any write would fail: opening a current store writes nothing.
    try (Connection db = connectReadOnly();
        Statement s = db.createStatement()) {
      StoreSchema.migrate(s);
      assertThat(strings(s, "PRAGMA user_version")).containsExactly("3");
    }
  }

  @Test
  void aStoreOfANewerLayoutIsRefusedWithoutBeingTouched() throws Exception {
    try (Connection db = connect();
        Statement s = db.createStatement()) {
      s.execute("PRAGMA user_version = " + (StoreSchema.LAYOUT + 1));
    }
    try (Connection db = connectReadOnly();
        Statement s = db.createStatement()) {
      assertThatThrownBy(() -> StoreSchema.migrate(s))
          .isInstanceOf(SQLException.class)
          .hasMessage(
              "the store was written by a newer agent (layout 4; this agent knows up to 3)");
    }
  }
}
