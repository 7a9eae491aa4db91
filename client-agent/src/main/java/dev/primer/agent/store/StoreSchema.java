package dev.primer.agent.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of {@code store.db} and how an older store is brought up to them. The layout is
 * counted in SQLite's {@code user_version}; 0 is the layout before it was counted.
 */
final class StoreSchema {
  /**
   * The store's layout, kept in SQLite's user_version. 2 added the records' editable fields ({@code
   * record_fields}) and the edit outbox ({@code edit_ops}); 3 the audit log ({@code audit_log}).
   */
  static final int LAYOUT = 3;

  /** The columns of {@code manifest} and {@code staged_manifest}, in table order. */
  static final String MANIFEST_COLUMNS =
      "record_id, version, size_bytes, sha256, tier, score, type, title, reason, rank";

  private static final String CONTENT_COLUMNS =
      "id INTEGER PRIMARY KEY, record_id TEXT NOT NULL, sha256 TEXT NOT NULL,"
          + " version INTEGER NOT NULL, account_id TEXT NOT NULL, type TEXT NOT NULL,"
          + " updated_at TEXT NOT NULL, size_bytes INTEGER NOT NULL, title BLOB NOT NULL,"
          + " body BLOB NOT NULL, blob INTEGER NOT NULL, related BLOB NOT NULL";

  private StoreSchema() {}

  /**
   * How the store and its search index are written: WAL, synchronous NORMAL (a power cut may lose
   * recent commits, never consistency), and a checkpoint every 64 MiB of WAL instead of SQLite's 4
   * MiB, since each checkpoint syncs the disk twice and a sync writes hundreds of megabytes; a sync
   * checkpoints when it ends ({@link LocalStore#checkpoint()}). The WAL file is cut back to 4 MiB
   * after each checkpoint.
   */
  static void walSettings(Statement s) throws SQLException {
    s.execute("PRAGMA journal_mode = WAL");
    s.execute("PRAGMA synchronous = NORMAL");
    s.execute("PRAGMA cache_size = -32768");
    s.execute("PRAGMA wal_autocheckpoint = 16384");
    s.execute("PRAGMA journal_size_limit = 4194304");
  }

  /**
   * Creates the tables a new store needs, or brings an older store's up to date, in one transaction
   * that takes the write lock first: two programs opening the same old store (the daemon and a
   * search) upgrade it once, one after the other. A store already at this layout is only read; one
   * of a newer layout is refused.
   */
  static void migrate(Statement s) throws SQLException {
    if (layout(s) == LAYOUT) {
      return;
    }
    Jdbc.writeTransaction(
        s.getConnection(),
        () -> {
          long layout = layout(s);
          if (layout < LAYOUT) {
            boolean earlierContent = tableExists(s, "content");
            createTables(s);
            if (layout == 0 && earlierContent) {
              upgradeContentTable(s);
            }
            s.execute("PRAGMA user_version = " + LAYOUT);
          }
          return layout;
        });
  }

  private static long layout(Statement s) throws SQLException {
    long layout;
    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      layout = rs.next() ? rs.getLong(1) : 0;
    }
    if (layout > LAYOUT) {
      throw new SQLException(
          "the store was written by a newer agent (layout "
              + layout
              + "; this agent knows up to "
              + LAYOUT
              + ")");
    }
    return layout;
  }

  /**
   * The content table. Its lookups go by record (a record has at most its held version and the one
   * a sync is adding), so it is indexed by record_id alone: the unique index on (record_id, sha256)
   * it had before cost about 40% of the insert rate, with 64 characters of hash in every entry.
   * Content rows stay unique by (record_id, sha256) because the store's one writer (see {@link
   * LocalStore#lockForSync()}) inserts only what {@link Generations#missing()} reports absent.
   */
  private static void createContentTable(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS content (" + CONTENT_COLUMNS + ")");
    s.execute("CREATE INDEX IF NOT EXISTS content_record ON content (record_id)");
  }

  /**
   * Rebuilds a content table of layout 0 (unique on record_id and sha256) into the current one; ids
   * are kept, since the search index refers to them.
   */
  private static void upgradeContentTable(Statement s) throws SQLException {
    s.execute("CREATE TABLE content_upgrade (" + CONTENT_COLUMNS + ")");
    // Layout 0 has the same columns in the same order.
    s.execute("INSERT INTO content_upgrade SELECT * FROM content ORDER BY id");
    s.execute("DROP TABLE content");
    s.execute("ALTER TABLE content_upgrade RENAME TO content");
    createContentTable(s);
  }

  private static boolean tableExists(Statement s, String name) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '" + name + "'")) {
      return rs.next();
    }
  }

  private static void createTables(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (String table : List.of("manifest", "staged_manifest")) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (record_id TEXT PRIMARY KEY, version INTEGER NOT NULL, size_bytes INTEGER NOT NULL,"
              + " sha256 TEXT NOT NULL, tier TEXT NOT NULL, score REAL NOT NULL, type TEXT NOT NULL,"
              + " title BLOB NOT NULL, reason BLOB NOT NULL, rank INTEGER NOT NULL)");
    }
    s.execute("CREATE INDEX IF NOT EXISTS staged_rank ON staged_manifest (rank)");
    createContentTable(s);
    // Content ids whose search index entries are still to be removed (see SearchIndex).
    s.execute("CREATE TABLE IF NOT EXISTS unindex (id INTEGER PRIMARY KEY)");
    // Stores written before the index had a file of its own: the new file is built from content.
    s.execute("DROP TABLE IF EXISTS main.fts");
    s.execute(
        "CREATE TABLE IF NOT EXISTS access_events (event_id TEXT PRIMARY KEY, record_id TEXT,"
            + " at TEXT NOT NULL, kind TEXT NOT NULL, query BLOB, sent INTEGER NOT NULL DEFAULT 0)");
    createEditTables(s);
  }

  /**
   * Layout 2. {@code record_fields}: the service's copy of each record's editable fields, keyed by
   * record alone (a field change raises the record's version but not its content hash, so fields
   * are refreshed apart from content); type and account in clear like the manifest's, title and
   * fields sealed. {@code edit_ops}: one row per operation the rep made, in device sequence order;
   * the operation and its receipt sealed; {@code overlay} is 1 while the operation's values are
   * shown on top of the service's copy.
   */
  private static void createEditTables(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS record_fields (record_id TEXT PRIMARY KEY,"
            + " version INTEGER NOT NULL, type TEXT NOT NULL, account_id TEXT NOT NULL,"
            + " title BLOB NOT NULL, fields BLOB NOT NULL)");
    s.execute(
        "CREATE TABLE IF NOT EXISTS edit_ops (seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE,"
            + " record_id TEXT NOT NULL, kind TEXT NOT NULL, op BLOB NOT NULL, state TEXT NOT NULL,"
            + " receipt BLOB, record_version INTEGER NOT NULL DEFAULT 0,"
            + " overlay INTEGER NOT NULL, resolution TEXT NOT NULL DEFAULT '',"
            + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)");
    s.execute("CREATE INDEX IF NOT EXISTS edit_ops_record ON edit_ops (record_id)");
    s.execute("CREATE INDEX IF NOT EXISTS edit_ops_state ON edit_ops (state)");
    createAuditTable(s);
  }

  /**
   * Layout 3. {@code audit_log}: each step of a quote's life on the device (quoted, printed, and
   * later signed and sent), chained by hash: each entry's hash covers the one before it, so an
   * entry changed or removed breaks the chain from there on. The detail is sealed.
   */
  private static void createAuditTable(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL,"
            + " event TEXT NOT NULL, subject TEXT NOT NULL, detail BLOB NOT NULL,"
            + " prev TEXT NOT NULL, hash TEXT NOT NULL)");
  }
}
