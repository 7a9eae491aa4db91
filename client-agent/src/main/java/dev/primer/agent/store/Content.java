package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verified content, one row per (record, sha256) in {@code content}, and what of it the rep sees:
 * the committed manifest joined to it. Content ids only grow, so the search index follows them.
 */
final class Content {
  private final Jdbc jdbc;
  private final StoreMeta meta;
  private final FieldCipher cipher;
  private final SearchTokens tokens;
  private final SearchIndex index;
  private final BlobFiles blobs;
  private long nextContentId;

  private Content(
      Jdbc jdbc,
      StoreMeta meta,
      FieldCipher cipher,
      SearchTokens tokens,
      SearchIndex index,
      BlobFiles blobs,
      long nextContentId) {
    this.jdbc = jdbc;
    this.meta = meta;
    this.cipher = cipher;
    this.tokens = tokens;
    this.index = index;
    this.blobs = blobs;
    this.nextContentId = nextContentId;
  }

  /**
   * The content of an open store. Content ids only grow, past every id the index has seen: its
   * entries can never match a record that reused an id.
   */
  static Content of(
      Jdbc jdbc,
      StoreMeta meta,
      FieldCipher cipher,
      SearchTokens tokens,
      SearchIndex index,
      BlobFiles blobs) {
    long next =
        1
            + Math.max(
                index.highestSeen(),
                jdbc.queryLong(
                    "SELECT max(coalesce((SELECT max(id) FROM content), 0),"
                        + " coalesce((SELECT max(id) FROM unindex), 0))"));
    return new Content(jdbc, meta, cipher, tokens, index, blobs, next);
  }

  /**
   * Adds verified records in one transaction. Only records the store does not hold go in (what
   * {@link Generations#missing()} reports): content rows are not checked for duplicates here, that
   * check cost a unique index.
   */
  void insert(List<PreparedRecord> records) {
    insert(records, () -> {});
  }

  /** Adds verified records and runs {@code alsoWrite} (their fields) in the same transaction. */
  void insert(List<PreparedRecord> records, Jdbc.Work alsoWrite) {
    if (records.isEmpty()) {
      jdbc.inTransaction(alsoWrite);
      return;
    }
    jdbc.inTransaction(
        () -> {
          alsoWrite.run();
          long firstId = nextContentId;
          try (PreparedStatement p =
              jdbc.prepare(
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

  /** Removes blob files that no content row refers to; partial downloads of staged entries stay. */
  int collectBlobGarbage() {
    Set<String> wanted =
        new HashSet<>(
            jdbc.query(
                "SELECT sha256 FROM manifest UNION SELECT sha256 FROM staged_manifest",
                List.of(),
                rs -> rs.getString(1)));
    Set<String> keep =
        new HashSet<>(
            jdbc.query(
                "SELECT sha256 FROM content WHERE blob = 1", List.of(), rs -> rs.getString(1)));
    keep.addAll(wanted);
    Set<String> keepPartial = wanted;
    try {
      return blobs.collectGarbage(keep, keepPartial);
    } catch (IOException e) {
      throw new StoreException("cannot clean the blob directory", e);
    }
  }

  /** A visible record: committed manifest joined to its verified content. */
  Optional<StoredRecord> record(String recordId) {
    List<StoredRecord> found =
        jdbc.query(
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

  /** The accounts with a visible record of {@code type}, in id order. */
  List<String> accountsWith(String type) {
    return jdbc.query(
        "SELECT DISTINCT c.account_id FROM manifest m JOIN content c"
            + " ON c.record_id = m.record_id AND c.sha256 = m.sha256"
            + " WHERE c.type = ? ORDER BY c.account_id",
        List.of(type),
        rs -> rs.getString(1));
  }

  /** The visible records of {@code type} at {@code accountId}, newest version first. */
  List<String> recordIdsOf(String accountId, String type) {
    return jdbc.query(
        "SELECT c.record_id FROM manifest m JOIN content c"
            + " ON c.record_id = m.record_id AND c.sha256 = m.sha256"
            + " WHERE c.account_id = ? AND c.type = ? ORDER BY c.version DESC, c.record_id",
        List.of(accountId, type),
        rs -> rs.getString(1));
  }

  /**
   * Full-text search over visible titles and content, best first (BM25, titles weigh more). The
   * index is first brought up to date, so a record on the device is always found.
   */
  List<SearchHit> search(String text, int limit) {
    String match = tokens.query(text);
    if (match.isEmpty()) {
      return List.of();
    }
    index.catchUp();
    return jdbc.query(
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

  /** Visible records and bytes per type. */
  Map<String, long[]> visibleByType() {
    Map<String, long[]> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT m.type, count(*), sum(m.size_bytes) FROM manifest m JOIN content c"
            + " ON c.record_id = m.record_id AND c.sha256 = m.sha256 GROUP BY m.type ORDER BY m.type",
        List.of(),
        rs -> out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));
    return out;
  }

  /** Entries of the committed manifest and how many of them are visible. */
  long[] manifestCounts() {
    return new long[] {
      jdbc.queryLong("SELECT count(*) FROM manifest"),
      jdbc.queryLong(
          "SELECT count(*) FROM manifest m JOIN content c ON c.record_id = m.record_id AND c.sha256 = m.sha256")
    };
  }

  /** Visible (committed and verified) entries in priority order, with their content kind. */
  List<VisibleEntry> visibleEntries() {
    return jdbc.query(
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

  /** Deletes content rows (and their index entries) that verify found damaged. */
  void drop(List<Long> contentIds) {
    jdbc.inTransaction(
        () -> {
          try (PreparedStatement unindex =
                  jdbc.prepare("INSERT OR IGNORE INTO unindex (id) VALUES (?)");
              PreparedStatement content = jdbc.prepare("DELETE FROM content WHERE id = ?")) {
            for (long id : contentIds) {
              unindex.setLong(1, id);
              unindex.addBatch();
              content.setLong(1, id);
              content.addBatch();
            }
            unindex.executeBatch();
            content.executeBatch();
          }
          meta.putInTransaction(Map.of("complete", "false"));
        });
    index.wake();
  }
}
