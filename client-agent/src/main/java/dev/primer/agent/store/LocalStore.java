package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.util.PrivateFiles;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device's SQLite store (WAL). Content is kept per (record, sha256) in {@code content}; what
 * the rep sees is the committed {@code manifest} joined to it. A sync first writes its target
 * manifest to {@code staged_manifest}, adds verified content batch by batch (invisible until the
 * commit), then swaps the manifest, the generation pointer and the eviction in ONE transaction.
 * Killed at any instant, the store therefore shows the old generation or the new one, and the
 * content already verified stays for the next sync.
 */
public final class LocalStore implements AutoCloseable {
  /** The store's layout, kept in SQLite's user_version; 0 is the layout before it was counted. */
  static final int LAYOUT = 1;

  private static final String CONTENT_COLUMNS =
      "id INTEGER PRIMARY KEY, record_id TEXT NOT NULL, sha256 TEXT NOT NULL,"
          + " version INTEGER NOT NULL, account_id TEXT NOT NULL, type TEXT NOT NULL,"
          + " updated_at TEXT NOT NULL, size_bytes INTEGER NOT NULL, title BLOB NOT NULL,"
          + " body BLOB NOT NULL, blob INTEGER NOT NULL, related BLOB NOT NULL";

  private static final String MANIFEST_COLUMNS =
      "record_id, version, size_bytes, sha256, tier, score, type, title, reason, rank";

  private final Connection db;
  private final FieldCipher cipher;
  private final SearchTokens tokens;
  private final BlobFiles blobs;
  private final SearchIndex index;
  private final Path syncLockFile;
  private long nextContentId;

  private LocalStore(
      Connection db,
      FieldCipher cipher,
      SearchTokens tokens,
      BlobFiles blobs,
      SearchIndex index,
      Path syncLockFile) {
    this.db = db;
    this.syncLockFile = syncLockFile;
    this.cipher = cipher;
    this.tokens = tokens;
    this.blobs = blobs;
    this.index = index;
  }

  /** Opens (creating if needed) the store at {@code file} with blobs under {@code blobDir}. */
  public static LocalStore open(Path file, Path blobDir, FieldCipher cipher, SearchTokens tokens) {
    try {
      PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
      PrivateFiles.createDirectories(blobDir);
      // SQLite gives its -wal and -shm files the mode of the database file: private from the start.
      PrivateFiles.createFileIfAbsent(file);
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA temp_store = MEMORY");
        walSettings(s);
        createSchema(s);
      }
      db.setAutoCommit(true);
      SearchIndex index = SearchIndex.open(file, cipher, tokens);
      try {
        try (PreparedStatement attach = db.prepareStatement("ATTACH DATABASE ? AS idx")) {
          attach.setString(1, SearchIndex.fileFor(file).toString());
          attach.execute();
        }
        LocalStore store =
            new LocalStore(
                db,
                cipher,
                tokens,
                new BlobFiles(blobDir, cipher),
                index,
                file.resolveSibling(file.getFileName() + ".sync-lock"));
        // Content ids only grow, past every id the index has seen: its entries can never match a
        // record that reused an id.
        store.nextContentId =
            1
                + Math.max(
                    index.highestSeen(),
                    store.queryLong(
                        "SELECT max(coalesce((SELECT max(id) FROM content), 0),"
                            + " coalesce((SELECT max(id) FROM unindex), 0))"));
        store.checkKey(file);
        return store;
      } catch (SQLException | RuntimeException e) {
        index.close();
        db.close();
        throw e;
      }
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot open the store " + file, e);
    }
  }

  private static final String KEY_CHECK = "key_check";

  /** Thrown when the key at hand is not the key this store was written with. */
  public static final class WrongKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongKeyException(Path file) {
      super(
          "the key does not open the store "
              + file
              + " (a wrong key or passphrase, or a store copied without its key); nothing was"
              + " changed");
    }
  }

  /**
   * Refuses a key this store was not written with, before anything reads (or, in verify --repair,
   * drops) records that would all seem damaged. The store keeps a value sealed with its key; a
   * store from before it kept one is checked against a record it holds, then gets the value.
   */
  private void checkKey(Path file) {
    String check = meta().get(KEY_CHECK);
    if (check != null) {
      try {
        cipher.decrypt(java.util.Base64.getDecoder().decode(check), "meta/" + KEY_CHECK);
        return;
      } catch (FieldCipher.TamperedException | IllegalArgumentException e) {
        throw new WrongKeyException(file);
      }
    }
    List<String[]> sample =
        query(
            "SELECT record_id, title FROM content LIMIT 1",
            List.of(),
            rs ->
                new String[] {
                  rs.getString(1), java.util.Base64.getEncoder().encodeToString(rs.getBytes(2))
                });
    for (String[] row : sample) {
      try {
        cipher.decryptText(java.util.Base64.getDecoder().decode(row[1]), row[0] + "/title");
      } catch (FieldCipher.TamperedException e) {
        throw new WrongKeyException(file);
      }
    }
    byte[] random = new byte[16];
    new java.security.SecureRandom().nextBytes(random);
    putMeta(
        Map.of(
            KEY_CHECK,
            java.util.Base64.getEncoder()
                .encodeToString(cipher.encrypt(random, "meta/" + KEY_CHECK))));
  }

  /**
   * How the store and its search index are written: WAL, synchronous NORMAL (a power cut may lose
   * recent commits, never consistency), and a checkpoint every 64 MiB of WAL instead of SQLite's 4
   * MiB, since each checkpoint syncs the disk twice and a sync writes hundreds of megabytes; a sync
   * checkpoints when it ends ({@link #checkpoint()}). The WAL file is cut back to 4 MiB after each
   * checkpoint.
   */
  static void walSettings(Statement s) throws SQLException {
    s.execute("PRAGMA journal_mode = WAL");
    s.execute("PRAGMA synchronous = NORMAL");
    s.execute("PRAGMA cache_size = -32768");
    s.execute("PRAGMA wal_autocheckpoint = 16384");
    s.execute("PRAGMA journal_size_limit = 4194304");
  }

  /**
   * Holds the store for one sync until closed. Content ids are handed out by the one writer and the
   * search index follows them in order, so a second sync of the same home (the daemon's and one
   * started by hand, in this process or another) is refused at once rather than run alongside.
   */
  public SyncLock lockForSync() {
    try {
      FileChannel channel =
          FileChannel.open(
              syncLockFile,
              java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PrivateFiles.file());
      try {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
          lock = null;
        }
        if (lock == null) {
          throw new StoreException(
              "another sync is running on this store (" + syncLockFile + ")", null);
        }
        return new SyncLock(channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new StoreException("cannot lock the store for a sync: " + syncLockFile, e);
    }
  }

  /** A store held for one sync; closing lets the next one in. */
  public static final class SyncLock implements AutoCloseable {
    private final FileChannel channel;

    private SyncLock(FileChannel channel) {
      this.channel = channel;
    }

    /** Releases the store (closing the channel drops its lock). */
    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw new StoreException("cannot release the sync lock", e);
      }
    }
  }

  /** Copies the WAL into the database and syncs it: what was committed survives a power cut. */
  public void checkpoint() {
    try (Statement s = db.createStatement()) {
      // PASSIVE: a reader (a search in another process) is never waited for; what it still holds
      // stays in the WAL, synced.
      s.execute("PRAGMA main.wal_checkpoint(PASSIVE)");
    } catch (SQLException e) {
      throw new StoreException("cannot checkpoint the store", e);
    }
  }

  /**
   * Creates the tables a new store needs, or brings an older store's up to date, in one transaction
   * that takes the write lock first: two programs opening the same old store (the daemon and a
   * search) upgrade it once, one after the other. A store already at this layout is only read.
   */
  private static void createSchema(Statement s) throws SQLException {
    if (layout(s) == LAYOUT) {
      return;
    }
    s.execute("BEGIN IMMEDIATE");
    try {
      long layout = layout(s);
      if (layout < LAYOUT) {
        boolean earlierContent = tableExists(s, "content");
        createTables(s);
        if (earlierContent) {
          upgradeContentTable(s);
        }
        s.execute("PRAGMA user_version = " + LAYOUT);
      }
      s.execute("COMMIT");
    } catch (SQLException | RuntimeException e) {
      s.execute("ROLLBACK");
      throw e;
    }
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
   * #lockForSync()}) inserts only what {@link #missing()} reports absent.
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
  }

  /** The cipher the store encrypts with. */
  public FieldCipher cipher() {
    return cipher;
  }

  /** The encrypted blob files. */
  public BlobFiles blobs() {
    return blobs;
  }

  // ---------------------------------------------------------------- generations

  /** The committed generation, if any sync ever committed. */
  public Optional<GenerationInfo> generation() {
    return generationWithPrefix("");
  }

  /** The generation a sync has staged but not committed. */
  public Optional<GenerationInfo> stagedGeneration() {
    return generationWithPrefix("staged.");
  }

  private Optional<GenerationInfo> generationWithPrefix(String prefix) {
    Map<String, String> meta = meta();
    String generation = meta.get(prefix + "generation");
    if (generation == null) {
      return Optional.empty();
    }
    return Optional.of(
        new GenerationInfo(
            Long.parseLong(generation),
            meta.getOrDefault(prefix + "etag", ""),
            meta.getOrDefault(prefix + "model_id", ""),
            meta.getOrDefault(prefix + "selector", ""),
            meta.getOrDefault(prefix + "day", ""),
            meta.getOrDefault(prefix + "built_at", "")));
  }

  /** Whether the committed generation holds all of its manifest (false after a cut-off sync). */
  public boolean complete() {
    return "true".equals(meta().get("complete"));
  }

  /** All meta values. */
  public Map<String, String> meta() {
    Map<String, String> meta = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
      return meta;
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's meta data", e);
    }
  }

  /** Sets meta values in one transaction. */
  public void putMeta(Map<String, String> values) {
    inTransaction(() -> putMetaNoTx(values));
  }

  private void putMetaNoTx(Map<String, String> values) throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        p.setString(1, e.getKey());
        p.setString(2, e.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** The committed manifest in priority order. */
  public List<ManifestEntry> manifest() {
    return readManifest("manifest");
  }

  /** The staged manifest in priority order. */
  public List<ManifestEntry> stagedManifest() {
    return readManifest("staged_manifest");
  }

  private List<ManifestEntry> readManifest(String table) {
    return query(
        "SELECT " + MANIFEST_COLUMNS + " FROM " + table + " ORDER BY rank",
        List.of(),
        rs -> entry(rs));
  }

  private ManifestEntry entry(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    return new ManifestEntry(
        id,
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        // Stores written before the tier names were shared say "scored" for predicted.
        "guaranteed".equals(rs.getString(5)) ? Tier.GUARANTEED : Tier.PREDICTED,
        rs.getDouble(6),
        cipher.decryptText(rs.getBytes(9), id + "/m.reason"),
        rs.getString(7),
        cipher.decryptText(rs.getBytes(8), id + "/m.title"));
  }

  /**
   * Records the target manifest of a sync (replacing any earlier staged one) in one transaction.
   * Content already verified is kept, so a resumed sync downloads only what is missing.
   */
  public void stage(GenerationInfo info, List<ManifestEntry> target) {
    inTransaction(
        () -> {
          try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM staged_manifest");
          }
          try (PreparedStatement p =
              db.prepareStatement(
                  "INSERT OR REPLACE INTO staged_manifest ("
                      + MANIFEST_COLUMNS
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            int rank = 0;
            for (ManifestEntry e : target) {
              p.setString(1, e.recordId());
              p.setLong(2, e.version());
              p.setLong(3, e.sizeBytes());
              p.setString(4, e.sha256());
              p.setString(5, e.tier().wireName());
              p.setDouble(6, e.score());
              p.setString(7, e.type());
              p.setBytes(8, cipher.encryptText(e.title(), e.recordId() + "/m.title"));
              p.setBytes(9, cipher.encryptText(e.reason(), e.recordId() + "/m.reason"));
              p.setInt(10, rank++);
              p.addBatch();
            }
            p.executeBatch();
          }
          Map<String, String> meta = new LinkedHashMap<>();
          meta.put("staged.generation", Long.toString(info.generation()));
          meta.put("staged.etag", info.etag());
          meta.put("staged.model_id", info.modelId());
          meta.put("staged.selector", info.selector());
          meta.put("staged.day", info.day());
          meta.put("staged.built_at", info.builtAt());
          putMetaNoTx(meta);
        });
  }

  /** Staged entries whose verified content is not in the store yet, in priority order. */
  public List<ManifestEntry> missing() {
    return query(
        "SELECT "
            + prefixed("s")
            + " FROM staged_manifest s WHERE NOT EXISTS (SELECT 1 FROM content c"
            + " WHERE c.record_id = s.record_id AND c.sha256 = s.sha256) ORDER BY s.rank",
        List.of(),
        this::entry);
  }

  /** Bytes of staged entries whose content is already in the store. */
  public long stagedBytesPresent() {
    return queryLong(
        "SELECT coalesce(sum(s.size_bytes), 0) FROM staged_manifest s JOIN content c"
            + " ON c.record_id = s.record_id AND c.sha256 = s.sha256");
  }

  private static String prefixed(String alias) {
    StringBuilder out = new StringBuilder();
    for (String column : MANIFEST_COLUMNS.split(", ")) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(alias).append('.').append(column);
    }
    return out.toString();
  }

  /**
   * Adds verified records in one transaction. Only records the store does not hold go in (what
   * {@link #missing()} reports): content rows are not checked for duplicates here, that check cost
   * a unique index.
   */
  public void insert(List<PreparedRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    inTransaction(
        () -> {
          long firstId = nextContentId;
          try (PreparedStatement p =
              db.prepareStatement(
                  "INSERT INTO content (id, record_id, sha256, version, account_id, type,"
                      + " updated_at, size_bytes, title, body, blob, related)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            long id = firstId;
            for (PreparedRecord r : records) {
              p.setLong(1, id++);
              p.setString(2, r.recordId());
              p.setString(3, r.sha256());
              p.setLong(4, r.version());
              p.setString(5, r.accountId());
              p.setString(6, r.type());
              p.setString(7, r.updatedAt());
              p.setLong(8, r.sizeBytes());
              p.setBytes(9, r.title());
              p.setBytes(10, r.body());
              p.setInt(11, r.blob() ? 1 : 0);
              p.setBytes(12, r.related());
              p.addBatch();
            }
            p.executeBatch();
          }
          nextContentId = firstId + records.size();
        });
    index.wake();
  }

  /**
   * Makes the staged manifest the visible generation, atomically: the manifest, the generation
   * pointer and the eviction of content that left the manifest commit together. {@code complete}
   * says whether every entry's content is present (false after a cut-off: the rep then sees the
   * most valuable part of the new generation). Returns how many records were evicted.
   */
  public int commitStaged(boolean complete, Instant now) {
    Optional<GenerationInfo> staged = stagedGeneration();
    if (staged.isEmpty()) {
      throw new IllegalStateException("nothing staged to commit");
    }
    int[] evicted = new int[1];
    inTransaction(
        () -> {
          try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM manifest");
            s.execute(
                "INSERT INTO manifest ("
                    + MANIFEST_COLUMNS
                    + ") SELECT "
                    + MANIFEST_COLUMNS
                    + " FROM staged_manifest");
            s.execute("DELETE FROM staged_manifest");
            String gone =
                "SELECT c.id FROM content c WHERE NOT EXISTS (SELECT 1 FROM manifest m"
                    + " WHERE m.record_id = c.record_id AND m.sha256 = c.sha256)";
            s.execute("INSERT OR IGNORE INTO unindex (id) " + gone);
            evicted[0] = s.executeUpdate("DELETE FROM content WHERE id IN (" + gone + ")");
            s.execute("DELETE FROM meta WHERE key LIKE 'staged.%'");
          }
          GenerationInfo g = staged.get();
          Map<String, String> meta = new LinkedHashMap<>();
          meta.put("generation", Long.toString(g.generation()));
          meta.put("etag", g.etag());
          meta.put("model_id", g.modelId());
          meta.put("selector", g.selector());
          meta.put("day", g.day());
          meta.put("built_at", g.builtAt());
          meta.put("complete", Boolean.toString(complete));
          meta.put("committed_at", now.toString());
          putMetaNoTx(meta);
        });
    if (evicted[0] > 0) {
      index.wake();
    }
    return evicted[0];
  }

  /** Removes blob files that no content row refers to; partial downloads of staged entries stay. */
  public int collectBlobGarbage() {
    Set<String> wanted =
        new HashSet<>(
            query(
                "SELECT sha256 FROM manifest UNION SELECT sha256 FROM staged_manifest",
                List.of(),
                rs -> rs.getString(1)));
    Set<String> keep =
        new HashSet<>(
            query("SELECT sha256 FROM content WHERE blob = 1", List.of(), rs -> rs.getString(1)));
    keep.addAll(wanted);
    Set<String> keepPartial = wanted;
    try {
      return blobs.collectGarbage(keep, keepPartial);
    } catch (IOException e) {
      throw new StoreException("cannot clean the blob directory", e);
    }
  }

  // ---------------------------------------------------------------- reading

  /** A visible record: committed manifest joined to its verified content. */
  public Optional<StoredRecord> record(String recordId) {
    List<StoredRecord> found =
        query(
            "SELECT c.record_id, c.version, c.account_id, c.type, c.updated_at, c.size_bytes,"
                + " c.sha256, c.title, c.body, c.blob, c.related, m.reason FROM manifest m JOIN content c"
                + " ON c.record_id = m.record_id AND c.sha256 = m.sha256 WHERE m.record_id = ?",
            List.of(recordId),
            rs -> {
              String id = rs.getString(1);
              boolean blob = rs.getInt(10) == 1;
              String related = cipher.decryptText(rs.getBytes(11), id + "/related");
              return new StoredRecord(
                  id,
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getString(7),
                  cipher.decryptText(rs.getBytes(8), id + "/title"),
                  blob
                      ? Optional.empty()
                      : Optional.of(cipher.decrypt(rs.getBytes(9), id + "/body")),
                  related.isEmpty() ? List.of() : List.of(related.split(",")),
                  cipher.decryptText(rs.getBytes(12), id + "/m.reason"));
            });
    return found.stream().findFirst();
  }

  /**
   * Full-text search over visible titles and content, best first (BM25, titles weigh more). The
   * index is first brought up to date, so a record on the device is always found.
   */
  public List<SearchHit> search(String text, int limit) {
    String match = tokens.query(text);
    if (match.isEmpty()) {
      return List.of();
    }
    index.catchUp();
    return query(
        "SELECT c.record_id, c.type, c.title, bm25(fts, 4.0, 1.0) AS rank FROM idx.fts"
            + " JOIN content c ON c.id = fts.rowid"
            + " JOIN manifest m ON m.record_id = c.record_id AND m.sha256 = c.sha256"
            + " WHERE fts MATCH ? ORDER BY rank LIMIT ?",
        List.of(match, limit),
        rs -> {
          String id = rs.getString(1);
          return new SearchHit(
              id,
              rs.getString(2),
              cipher.decryptText(rs.getBytes(3), id + "/title"),
              -rs.getDouble(4));
        });
  }

  /** Waits until the search index holds everything the store holds (indexing on this thread). */
  public void awaitSearchIndex() {
    index.catchUp();
  }

  /** Content rows (added or removed) the search index has not caught up with yet. */
  public long searchIndexBehind() {
    return index.behind();
  }

  /** Visible records and bytes per type. */
  public Map<String, long[]> visibleByType() {
    Map<String, long[]> out = new LinkedHashMap<>();
    query(
        "SELECT m.type, count(*), sum(m.size_bytes) FROM manifest m JOIN content c"
            + " ON c.record_id = m.record_id AND c.sha256 = m.sha256 GROUP BY m.type ORDER BY m.type",
        List.of(),
        rs -> out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));
    return out;
  }

  /** Entries of the committed manifest and how many of them are visible. */
  public long[] manifestCounts() {
    return new long[] {
      queryLong("SELECT count(*) FROM manifest"),
      queryLong(
          "SELECT count(*) FROM manifest m JOIN content c ON c.record_id = m.record_id AND c.sha256 = m.sha256")
    };
  }

  /** Visible (committed and verified) entries in priority order, with their content kind. */
  public List<VisibleEntry> visibleEntries() {
    return query(
        "SELECT m.record_id, m.sha256, c.id, c.blob, c.body FROM manifest m JOIN content c"
            + " ON c.record_id = m.record_id AND c.sha256 = m.sha256 ORDER BY m.rank",
        List.of(),
        rs ->
            new VisibleEntry(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getInt(4) == 1,
                rs.getBytes(5)));
  }

  /** A visible entry as {@code verify} reads it. */
  public record VisibleEntry(
      String recordId, String sha256, long contentId, boolean blob, byte[] body) {}

  /** Deletes content rows (and their index entries) that verify found damaged. */
  public void dropContent(List<Long> contentIds) {
    inTransaction(
        () -> {
          try (PreparedStatement unindex =
                  db.prepareStatement("INSERT OR IGNORE INTO unindex (id) VALUES (?)");
              PreparedStatement content = db.prepareStatement("DELETE FROM content WHERE id = ?")) {
            for (long id : contentIds) {
              unindex.setLong(1, id);
              unindex.addBatch();
              content.setLong(1, id);
              content.addBatch();
            }
            unindex.executeBatch();
            content.executeBatch();
          }
          putMetaNoTx(Map.of("complete", "false"));
        });
    index.wake();
  }

  /** SQLite's own consistency check; "ok" when sound. */
  public String integrityCheck() {
    return String.join("; ", query("PRAGMA integrity_check", List.of(), rs -> rs.getString(1)));
  }

  // ---------------------------------------------------------------- access events

  /** Logs a show or search; the query text is kept encrypted until it is sent. */
  public void logAccess(AccessEvent event) {
    inTransaction(
        () -> {
          try (PreparedStatement p =
              db.prepareStatement(
                  "INSERT INTO access_events (event_id, record_id, at, kind, query, sent) VALUES (?,?,?,?,?,0)")) {
            p.setString(1, event.eventId());
            p.setString(2, event.recordId().orElse(null));
            p.setString(3, event.at());
            p.setString(4, event.kind());
            p.setBytes(5, cipher.encryptText(event.query(), event.eventId() + "/query"));
            p.executeUpdate();
          }
        });
  }

  /** Events not yet accepted by the service, oldest first. */
  public List<AccessEvent> unsentEvents() {
    return query(
        "SELECT event_id, record_id, at, kind, query FROM access_events WHERE sent = 0 ORDER BY rowid",
        List.of(),
        rs -> {
          String id = rs.getString(1);
          return new AccessEvent(
              id,
              Optional.ofNullable(rs.getString(2)),
              rs.getString(3),
              rs.getString(4),
              cipher.decryptText(rs.getBytes(5), id + "/query"));
        });
  }

  /** Marks events as delivered. */
  public void markSent(List<String> eventIds) {
    inTransaction(
        () -> {
          try (PreparedStatement p =
              db.prepareStatement("UPDATE access_events SET sent = 1 WHERE event_id = ?")) {
            for (String id : eventIds) {
              p.setString(1, id);
              p.addBatch();
            }
            p.executeBatch();
          }
        });
  }

  /** Counts of access events by kind: hit, miss. */
  public Map<String, Long> accessCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    query(
        "SELECT kind, count(*) FROM access_events GROUP BY kind",
        List.of(),
        rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  // ---------------------------------------------------------------- plumbing

  /** Work inside a transaction. */
  @FunctionalInterface
  private interface SqlWork {
    void run() throws SQLException;
  }

  /** Maps one row. */
  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private void inTransaction(SqlWork work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("store write failed", e);
    }
  }

  private <T> List<T> query(String sql, List<Object> args, RowMapper<T> mapper) {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("store read failed", e);
    }
  }

  private long queryLong(String sql) {
    return query(sql, List.of(), rs -> rs.getLong(1)).get(0);
  }

  @Override
  public void close() {
    try {
      index.close();
      db.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the store", e);
    }
  }
}
