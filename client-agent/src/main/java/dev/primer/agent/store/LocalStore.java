package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.util.PrivateFiles;
import dev.primer.protocol.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The device's SQLite store (WAL), one facade over its parts: the schema ({@link StoreSchema}), the
 * generations ({@link Generations}), the content ({@link Content}), the event outbox ({@link
 * EventOutbox}) and the search index beside it ({@link SearchIndex}). Content is kept per (record,
 * sha256); what the rep sees is the committed manifest joined to it. A sync stages its target
 * manifest, adds verified content batch by batch (invisible until the commit), then swaps the
 * manifest, the generation pointer and the eviction in ONE transaction. Killed at any instant, the
 * store therefore shows the old generation or the new one, and the content already verified stays
 * for the next sync.
 */
public final class LocalStore implements AutoCloseable {
  private final Connection db;
  private final Jdbc jdbc;
  private final FieldCipher cipher;
  private final BlobFiles blobs;
  private final SearchIndex index;
  private final Path syncLockFile;
  private final StoreMeta meta;
  private final Generations generations;
  private final Content content;
  private final EventOutbox outbox;
  private final RecordFields recordFields;
  private final AuditLog audit;
  private final EditOutbox edits;
  private final Path uploadLockFile;

  private LocalStore(
      Connection db,
      FieldCipher cipher,
      SearchTokens tokens,
      BlobFiles blobs,
      SearchIndex index,
      Path syncLockFile) {
    this.db = db;
    this.jdbc = new Jdbc(db);
    this.cipher = cipher;
    this.blobs = blobs;
    this.index = index;
    this.syncLockFile = syncLockFile;
    this.meta = new StoreMeta(jdbc);
    this.generations = new Generations(jdbc, meta, cipher, index::wake);
    this.content = Content.of(jdbc, meta, cipher, tokens, index, blobs);
    this.outbox = new EventOutbox(jdbc, cipher);
    this.recordFields = new RecordFields(jdbc, cipher);
    this.audit = new AuditLog(jdbc, cipher);
    this.edits = new EditOutbox(jdbc, meta, cipher, recordFields, audit);
    this.uploadLockFile = syncLockFile.resolveSibling(file(syncLockFile, ".edit-lock"));
  }

  private static String file(Path syncLock, String suffix) {
    return String.valueOf(syncLock.getFileName()).replace(".sync-lock", suffix);
  }

  /** Opens (creating if needed) the store at {@code file} with blobs under {@code blobDir}. */
  public static LocalStore open(Path file, Path blobDir, FieldCipher cipher, SearchTokens tokens) {
    try {
      PrivateFiles.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent()));
      PrivateFiles.createDirectories(blobDir);
      // SQLite gives its -wal and -shm files the mode of the database file: private from the start.
      PrivateFiles.createFileIfAbsent(file);
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA temp_store = MEMORY");
        StoreSchema.walSettings(s);
        StoreSchema.migrate(s);
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
        KeyCheck.require(file, store.jdbc, store.meta, cipher);
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
   * Holds the store for one sync until closed. Content ids are handed out by the one writer and the
   * search index follows them in order, so a second sync of the same home (the daemon's and one
   * started by hand, in this process or another) is refused at once rather than run alongside.
   */
  public SyncLock lockForSync() {
    return tryLock(syncLockFile, "sync")
        .orElseThrow(
            () ->
                new StoreException(
                    "another sync is running on this store (" + syncLockFile + ")", null));
  }

  /**
   * Holds the edit outbox for one upload until closed; empty while another upload (the daemon's, or
   * an edit command's immediate one) holds it: that one sends the same operations.
   */
  public Optional<SyncLock> lockForUpload() {
    return tryLock(uploadLockFile, "upload");
  }

  private static Optional<SyncLock> tryLock(Path lockFile, String what) {
    try {
      FileChannel channel =
          FileChannel.open(
              lockFile,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PrivateFiles.file());
      try {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
          lock = null;
        }
        if (lock == null) {
          channel.close();
          return Optional.empty();
        }
        return Optional.of(new SyncLock(channel));
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new StoreException("cannot lock the store for an " + what + ": " + lockFile, e);
    }
  }

  /** A store held for one sync (or upload); closing lets the next one in. */
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

  /** The cipher the store encrypts with. */
  public FieldCipher cipher() {
    return cipher;
  }

  /** The encrypted blob files. */
  public BlobFiles blobs() {
    return blobs;
  }

  /** All meta values. */
  public Map<String, String> meta() {
    return meta.all();
  }

  /** Sets meta values in one transaction. */
  public void putMeta(Map<String, String> values) {
    meta.put(values);
  }

  /** SQLite's own consistency check; "ok" when sound. */
  public String integrityCheck() {
    return String.join(
        "; ", jdbc.query("PRAGMA integrity_check", List.of(), rs -> rs.getString(1)));
  }

  // ---------------------------------------------------------------- generations

  /** The committed generation, if any sync ever committed. */
  public Optional<GenerationInfo> generation() {
    return generations.committed();
  }

  /** The generation a sync has staged but not committed. */
  public Optional<GenerationInfo> stagedGeneration() {
    return generations.staged();
  }

  /** Whether the committed generation holds all of its manifest (false after a cut-off sync). */
  public boolean complete() {
    return generations.complete();
  }

  /** The committed manifest in priority order. */
  public List<ManifestEntry> manifest() {
    return generations.manifest();
  }

  /** The staged manifest in priority order. */
  public List<ManifestEntry> stagedManifest() {
    return generations.stagedManifest();
  }

  /**
   * Records the target manifest of a sync, replacing any earlier staged one: {@link
   * Generations#stage}.
   */
  public void stage(GenerationInfo info, List<ManifestEntry> target) {
    generations.stage(info, target);
  }

  /** Staged entries whose verified content is not in the store yet, in priority order. */
  public List<ManifestEntry> missing() {
    return generations.missing();
  }

  /** Bytes of staged entries whose content is already in the store. */
  public long stagedBytesPresent() {
    return generations.stagedBytesPresent();
  }

  /**
   * Makes the staged manifest the visible generation atomically: {@link Generations#commitStaged}.
   */
  public int commitStaged(boolean complete, Instant now) {
    return generations.commitStaged(complete, now);
  }

  // ---------------------------------------------------------------- content

  /** Adds verified records in one transaction: {@link Content#insert}. */
  public void insert(List<PreparedRecord> records) {
    content.insert(records);
  }

  /** Removes blob files that no content row refers to; partial downloads of staged entries stay. */
  public int collectBlobGarbage() {
    return content.collectBlobGarbage();
  }

  /** A visible record: committed manifest joined to its verified content. */
  public Optional<StoredRecord> record(String recordId) {
    return content.record(recordId);
  }

  /** The accounts with a visible record of a type, in id order. */
  public List<String> accountsWithRecordsOf(String type) {
    return content.accountsWith(type);
  }

  /** The visible records of a type at an account, newest version first. */
  public List<String> recordIdsOf(String accountId, String type) {
    return content.recordIdsOf(accountId, type);
  }

  /** Full-text search over visible titles and content, best first: {@link Content#search}. */
  public List<SearchHit> search(String text, int limit) {
    return content.search(text, limit);
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
    return content.visibleByType();
  }

  /** Entries of the committed manifest and how many of them are visible. */
  public long[] manifestCounts() {
    return content.manifestCounts();
  }

  /** Visible (committed and verified) entries in priority order, with their content kind. */
  public List<VisibleEntry> visibleEntries() {
    return content.visibleEntries();
  }

  /** Deletes content rows (and their index entries) that verify found damaged. */
  public void dropContent(List<Long> contentIds) {
    content.drop(contentIds);
  }

  /**
   * Adds verified records and the fields their lines carried in one transaction: the fields are
   * stored with the record.
   */
  public void insert(List<PreparedRecord> records, List<StoredFields> fields) {
    content.insert(records, () -> recordFields.putInTransaction(fields));
  }

  // ---------------------------------------------------------------- fields and edits

  /** The service's copy of a record's editable fields, as last fetched. */
  public Optional<StoredFields> fields(String recordId) {
    return recordFields.get(recordId);
  }

  /** Writes fetched fields (each only over an older version) in one transaction. */
  public void putFields(List<StoredFields> fields) {
    recordFields.put(fields);
  }

  /** Staged records whose content is held and whose fields are missing or older. */
  public List<String> staleFields() {
    return recordFields.staleInStaged();
  }

  /**
   * Commits the operation {@code opForSeq} makes for the next sequence number (the edit itself: its
   * values show on top of the record at once): {@link EditOutbox#append}.
   */
  public OutboxEntry appendEdit(
      java.util.function.LongFunction<dev.primer.protocol.edits.EditOperation> opForSeq,
      Instant now) {
    return edits.append(opForSeq, now, Optional.empty(), "");
  }

  /**
   * As {@link #appendEdit}, with the audit log entry {@code audit} makes of the operation written
   * in the same transaction: a quote and its record in the log exist together or not at all.
   */
  public OutboxEntry appendAudited(
      java.util.function.LongFunction<dev.primer.protocol.edits.EditOperation> opForSeq,
      java.util.function.Function<dev.primer.protocol.edits.EditOperation, AuditEvent> audit,
      Instant now) {
    return edits.append(opForSeq, now, Optional.empty(), "", op -> Optional.of(audit.apply(op)));
  }

  /** Records a step in the audit log on its own ({@link AuditLog}). */
  public AuditEntry audit(AuditEvent event, Instant now) {
    return audit.append(event, now);
  }

  /** The audit log, oldest first. */
  public List<AuditEntry> auditLog() {
    return audit.entries();
  }

  /** Where the audit log's hash chain first breaks, if it does. */
  public Optional<String> auditBreak() {
    return audit.firstBreak();
  }

  /**
   * Commits an operation that settles review {@code settles} (keeping {@code kept}: mine, a value),
   * dropping that review's overlay in the same transaction.
   */
  public OutboxEntry appendResolution(
      java.util.function.LongFunction<dev.primer.protocol.edits.EditOperation> opForSeq,
      Instant now,
      String settles,
      String kept) {
    return edits.append(opForSeq, now, Optional.of(settles), kept);
  }

  /** Settles review {@code opId} keeping the service's value: its overlay goes. */
  public void keepTheirs(String opId, Instant now) {
    edits.settle(opId, "kept theirs", now);
  }

  /**
   * Settles the reviews shown here that the service no longer names in {@code stillOpen} (an admin
   * decided, or the record is gone); returns their records, to fetch again.
   */
  public List<String> settleClosedReviews(Set<String> stillOpen, Instant now) {
    return edits.settleClosed(stillOpen, now);
  }

  /** Every operation of the outbox, oldest first. */
  public List<OutboxEntry> edits() {
    return edits.all();
  }

  /** The operation {@code opId}, if the device holds it. */
  public Optional<OutboxEntry> edit(String opId) {
    return edits.byOpId(opId);
  }

  /** Operations without a final receipt, oldest first, at most {@code limit}. */
  public List<OutboxEntry> unsentEdits(int limit) {
    return edits.unsent(limit);
  }

  /** Operations shown on top of the service's copy, oldest first. */
  public List<OutboxEntry> overlays() {
    return edits.overlays();
  }

  /** The overlays of one record, oldest first. */
  public List<OutboxEntry> overlays(String recordId) {
    return edits.overlays(recordId);
  }

  /** Decided operations whose changed record is still to fetch. */
  public List<OutboxEntry> awaitingFetch() {
    return edits.awaitingFetch();
  }

  /** The outbox at a glance (one query). */
  public EditWork editWork() {
    return edits.work();
  }

  /** Marks operations as sent. */
  public void markEditsSent(List<Long> seqs, Instant now) {
    edits.markSent(seqs, now);
  }

  /** Keeps an answer's receipts: {@link EditOutbox#keepReceipts}. */
  public ReceiptsKept keepReceipts(
      List<dev.primer.protocol.edits.EditReceipt> receipts, Instant now) {
    return edits.keepReceipts(receipts, now);
  }

  /**
   * Writes fetched records and drops the overlays they settle, in one transaction: {@link
   * EditOutbox#converge}.
   */
  public void converge(List<StoredFields> fetched, Set<String> gone, Instant now) {
    edits.converge(fetched, gone, now);
  }

  // ---------------------------------------------------------------- access events

  /** Logs a show or search; the query text is kept encrypted until it is sent. */
  public void logAccess(AccessEvent event) {
    outbox.log(event);
  }

  /** Events not yet accepted by the service, oldest first. */
  public List<AccessEvent> unsentEvents() {
    return outbox.unsent();
  }

  /** Marks events as delivered. */
  public void markSent(List<String> eventIds) {
    outbox.markSent(eventIds);
  }

  /** Counts of access events by kind: hit, miss. */
  public Map<String, Long> accessCounts() {
    return outbox.counts();
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
