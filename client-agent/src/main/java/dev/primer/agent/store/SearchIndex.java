package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.util.PrivateFiles;
import dev.primer.protocol.client.DaemonThreads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The full-text index of the store's content, kept in a file of its own and brought up to date from
 * the store by a background thread. SQLite lets one writer at a time into a file: with the index
 * beside the store, a sync writes records while the previous batches are tokenised and indexed on
 * the other core, instead of paying for both in one transaction.
 *
 * <p>The index is derived data. Its {@code through} mark is the highest content id indexed, and it
 * moves in the same transaction as the index entries; content ids only grow, so after a crash the
 * index resumes from the store at the mark (a lost index file is rebuilt the same way). Content
 * that leaves the store is queued in the store's {@code unindex} table, in the transaction that
 * deletes it, and removed from the index from there. Searches join the index to the visible
 * manifest, so an entry not yet removed is never shown.
 */
public final class SearchIndex implements AutoCloseable {
  /** Rows indexed per transaction: FTS5 writes its pending terms out once per transaction. */
  private static final int ROWS_PER_TRANSACTION = 10_000;

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private final Connection index;
  private final Connection store;
  private final FieldCipher cipher;
  private final SearchTokens tokens;
  private final Object wake = new Object();
  private @Nullable Thread worker;
  private volatile boolean closing;
  private long wakeups;

  private SearchIndex(Connection index, Connection store, FieldCipher cipher, SearchTokens tokens) {
    this.index = index;
    this.store = store;
    this.cipher = cipher;
    this.tokens = tokens;
  }

  /** The index file that goes with the store file {@code storeFile}. */
  public static Path fileFor(Path storeFile) {
    String name = storeFile.getFileName().toString().replaceFirst("\\.db$", "");
    return storeFile.resolveSibling(name + ".search.db");
  }

  /**
   * Opens (creating if needed) the index of the store at {@code storeFile}; an index file SQLite
   * finds damaged is deleted and built again from the store.
   */
  static SearchIndex open(Path storeFile, FieldCipher cipher, SearchTokens tokens)
      throws SQLException {
    try {
      return openFile(storeFile, cipher, tokens);
    } catch (SQLException e) {
      int primary = e.getErrorCode() & 0xff;
      if (primary != SQLITE_CORRUPT && primary != SQLITE_NOTADB) {
        throw e;
      }
      Path file = fileFor(storeFile);
      for (String suffix : List.of("", "-wal", "-shm")) {
        try {
          Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        } catch (IOException io) {
          e.addSuppressed(io);
          throw e;
        }
      }
      return openFile(storeFile, cipher, tokens);
    }
  }

  private static SearchIndex openFile(Path storeFile, FieldCipher cipher, SearchTokens tokens)
      throws SQLException {
    try {
      // SQLite gives its -wal and -shm files the mode of the database file: private from the start.
      PrivateFiles.createFileIfAbsent(fileFor(storeFile));
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create " + fileFor(storeFile), e);
    }
    Connection index = DriverManager.getConnection("jdbc:sqlite:" + fileFor(storeFile));
    Connection store = null;
    try (Statement s = index.createStatement()) {
      s.execute("PRAGMA busy_timeout = 30000");
      StoreSchema.walSettings(s);
      // Full detail: on a contentless table bm25() needs the positions (with detail=column every
      // score is 0, and ranking is gone).
      s.execute(
          "CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, content='',"
              + " contentless_delete=1)");
      s.execute("CREATE TABLE IF NOT EXISTS mark (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
      store = DriverManager.getConnection("jdbc:sqlite:" + storeFile);
      try (Statement t = store.createStatement()) {
        t.execute("PRAGMA busy_timeout = 30000");
      }
      // A tokeniser of its own: SearchTokens' cache serves one thread.
      return new SearchIndex(index, store, cipher, tokens.copy());
    } catch (SQLException | RuntimeException e) {
      index.close();
      if (store != null) {
        store.close();
      }
      throw e;
    }
  }

  /**
   * The highest content id the index has seen, indexed or removed: the store never hands out an id
   * at or below it again, so no stale entry can ever match a new record.
   */
  synchronized long highestSeen() {
    return Math.max(mark("through"), mark("highest_removed"));
  }

  /** Content rows the index has not caught up with yet. */
  public synchronized long behind() {
    try (PreparedStatement p =
        store.prepareStatement(
            "SELECT (SELECT count(*) FROM content WHERE id > ?) + (SELECT count(*) FROM unindex)")) {
      p.setLong(1, mark("through"));
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read how far the search index is behind", e);
    }
  }

  /** Brings the index up to date with the store on the calling thread; its errors surface here. */
  public void catchUp() {
    while (step()) {
      // each step is one transaction; another process indexing the same store takes turns
    }
  }

  /** Tells the background worker that the store has new content (starting it on first use). */
  void wake() {
    synchronized (wake) {
      if (worker == null && !closing) {
        worker = DaemonThreads.named("search-index").newThread(this::work);
        worker.start();
      }
      wakeups++;
      wake.notifyAll();
    }
  }

  private void work() {
    long seen = 0;
    try {
      while (!closing) {
        synchronized (wake) {
          while (seen == wakeups && !closing) {
            wake.wait();
          }
          seen = wakeups;
        }
        while (!closing && step()) {
          // more rows came in while this step ran
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The index is derived: the store goes on without it. The next batch starts a new worker,
      // and whoever waits for the index (a search, the end of a sync) runs the step itself and
      // gets the error if it is still there.
    } finally {
      synchronized (wake) {
        if (worker == Thread.currentThread()) {
          worker = null;
        }
      }
    }
  }

  /**
   * One transaction: removes what left the store, indexes up to {@link #ROWS_PER_TRANSACTION} new
   * rows and moves the mark. Returns whether there may be more to do.
   */
  private synchronized boolean step() {
    try {
      // IMMEDIATE: the mark is read under the write lock, so two processes never index a row twice.
      Step done = Jdbc.writeTransaction(index, this::indexNewRows);
      forgetUnindexed(done.removed());
      return done.indexed() == ROWS_PER_TRANSACTION || !done.removed().isEmpty();
    } catch (SQLException e) {
      throw new StoreException("cannot update the search index", e);
    }
  }

  /** What one step removed from the index and how many new rows it read. */
  private record Step(List<Long> removed, int indexed) {}

  private Step indexNewRows() throws SQLException {
    List<Long> removed = removeUnindexed();
    int indexed = 0;
    long through = mark("through");
    long last = through;
    try (PreparedStatement read =
            store.prepareStatement(
                "SELECT id, record_id, title, body, blob FROM content WHERE id > ? ORDER BY id LIMIT ?");
        PreparedStatement add =
            index.prepareStatement("INSERT INTO fts (rowid, title, body) VALUES (?,?,?)")) {
      read.setLong(1, through);
      read.setInt(2, ROWS_PER_TRANSACTION);
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          last = rs.getLong(1);
          String recordId = rs.getString(2);
          try {
            String title = cipher.decryptText(rs.getBytes(3), recordId + "/title");
            String body =
                rs.getInt(5) == 1 ? "" : text(cipher.decrypt(rs.getBytes(4), recordId + "/body"));
            add.setLong(1, last);
            add.setString(2, tokens.document(title));
            add.setString(3, tokens.distinctDocument(body));
            add.executeUpdate();
          } catch (FieldCipher.TamperedException damaged) {
            // Not indexed: verify finds the damaged row and drops it; the rest goes on.
          }
          indexed++;
        }
      }
    }
    if (last > through) {
      setMark("through", last);
    }
    return new Step(removed, indexed);
  }

  /** Removes queued content ids from the index; the queue is emptied after the commit. */
  private List<Long> removeUnindexed() throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement s = store.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT id FROM unindex ORDER BY id LIMIT " + ROWS_PER_TRANSACTION)) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    if (ids.isEmpty()) {
      return ids;
    }
    try (PreparedStatement p = index.prepareStatement("DELETE FROM fts WHERE rowid = ?")) {
      for (long id : ids) {
        p.setLong(1, id);
        p.addBatch();
      }
      p.executeBatch();
    }
    setMark("highest_removed", Math.max(mark("highest_removed"), ids.get(ids.size() - 1)));
    return ids;
  }

  /**
   * Empties the queue of what the index has removed. A crash before this removes them again next
   * time, which deletes nothing.
   */
  private void forgetUnindexed(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    store.setAutoCommit(false);
    try (PreparedStatement p = store.prepareStatement("DELETE FROM unindex WHERE id = ?")) {
      for (long id : ids) {
        p.setLong(1, id);
        p.addBatch();
      }
      p.executeBatch();
      store.commit();
    } catch (Throwable e) {
      store.rollback();
      throw e;
    } finally {
      store.setAutoCommit(true);
    }
  }

  private long mark(String key) {
    try (PreparedStatement p = index.prepareStatement("SELECT value FROM mark WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the search index's mark", e);
    }
  }

  private void setMark(String key, long value) throws SQLException {
    try (PreparedStatement p =
        index.prepareStatement("INSERT OR REPLACE INTO mark (key, value) VALUES (?, ?)")) {
      p.setString(1, key);
      p.setLong(2, value);
      p.executeUpdate();
    }
  }

  /** The content as text when it is valid UTF-8; binary content is not indexed. */
  private static String text(byte[] content) {
    if (isAscii(content)) {
      // Most records are plain ASCII: a copy, without a decoder's buffers.
      return new String(content, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      return "";
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Stops the background worker (its open transaction rolls back) and closes the files. */
  @Override
  public void close() {
    closing = true;
    Thread w;
    synchronized (wake) {
      w = worker;
      wake.notifyAll();
    }
    if (w != null) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      index.close();
      store.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the search index", e);
    }
  }
}
