package dev.primer.agent.sync;

import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.store.AccessEvent;
import dev.primer.agent.store.BlobFiles;
import dev.primer.agent.store.GenerationInfo;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.PreparedRecord;
import dev.primer.agent.trust.ServerValues;
import dev.primer.protocol.ByteSizes;
import dev.primer.protocol.client.DaemonThreads;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.client.RetryPolicy;
import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.records.RecordLine;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * One sync: send pending access events, fetch the manifest delta since the held generation, stage
 * the target manifest, download what is missing in priority order (records in NDJSON batches, each
 * stored in one transaction; blobs with Range resume), verify every sha256, then commit the new
 * generation atomically and evict what left it. While one batch is written the next is already
 * being fetched, so the network and SQLite work in parallel.
 */
public final class Syncer {
  /** Inline bytes per batch at most, so a batch stays a small unit of work to redo. */
  private static final long BATCH_BYTES = 8L << 20;

  private static final int TELEMETRY_CHUNK = 1000;

  /** Blobs downloaded at once: one stream rarely fills a fast link, several do. */
  private static final int BLOB_DOWNLOADS = 3;

  private final LocalStore store;
  private final ServiceClient client;
  private final AgentConfig config;
  private final Clock clock;
  private final LongSupplier usableDisk;
  private final RecordPreparer preparer;
  private int lookahead = 1;
  private RetryPolicy retrying = RetryPolicy.standard();
  private final Timings timings = new Timings();

  /**
   * Where a sync's time went, in nanoseconds: waiting for the next batch from the network, writing
   * batches to the store, and downloading blobs. For the bench.
   */
  public static final class Timings {
    private final java.util.concurrent.atomic.AtomicLong waiting =
        new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writing =
        new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong blobs =
        new java.util.concurrent.atomic.AtomicLong();

    /** Nanoseconds the writer waited for a batch to arrive. */
    public long waitingNanos() {
      return waiting.get();
    }

    /** Nanoseconds spent in store transactions. */
    public long writingNanos() {
      return writing.get();
    }

    /** Nanoseconds spent downloading blobs. */
    public long blobNanos() {
      return blobs.get();
    }
  }

  /** Where the time of the last sync went. */
  public Timings timings() {
    return timings;
  }

  public Syncer(
      LocalStore store,
      ServiceClient client,
      AgentConfig config,
      Clock clock,
      LongSupplier usableDisk) {
    this.store = store;
    this.client = client;
    this.config = config;
    this.clock = clock;
    this.usableDisk = usableDisk;
    this.preparer = new RecordPreparer(store.cipher());
  }

  /** Batches fetched ahead of the one being written (0 = strictly one at a time). */
  public Syncer lookahead(int batches) {
    if (batches < 0 || batches > 4) {
      throw new IllegalArgumentException("lookahead must be 0..4, was " + batches);
    }
    this.lookahead = batches;
    return this;
  }

  /** How passing failures (service busy, broken connection) are retried; tests shorten it. */
  Syncer retrying(RetryPolicy retrying) {
    this.retrying = retrying;
    return this;
  }

  /**
   * Runs one sync until done or until {@code cancel} asks it to stop; refused at once (a {@link
   * dev.primer.agent.store.StoreException}) while another sync holds the store.
   */
  @SuppressWarnings("try") // the lock is only held, for the whole sync
  public SyncResult sync(CancelSignal cancel, SyncListener listener) {
    try (LocalStore.SyncLock held = store.lockForSync()) {
      return syncHeld(cancel, listener);
    }
  }

  private SyncResult syncHeld(CancelSignal cancel, SyncListener listener) {
    long started = System.nanoTime();
    long wireAtStart = client.wireBytes();
    int eventsSent = sendTelemetry();

    Optional<GenerationInfo> held = store.generation();
    Optional<GenerationInfo> staged = store.stagedGeneration();
    boolean settled = held.isPresent() && store.complete() && staged.isEmpty();
    // After a sync cut short, the staged manifest is asked for again conditionally: while it is
    // still current (304), the download resumes without fetching the manifest a second time.
    Optional<String> known =
        settled ? Optional.of(held.get().etag()) : staged.map(GenerationInfo::etag);
    Optional<Manifest> answer =
        client.manifest(
            config.deviceId(), config.budgetBytes(), held.map(GenerationInfo::generation), known);
    if (answer.isEmpty() && staged.isEmpty()) {
      long[] counts = store.manifestCounts();
      return new SyncResult(
          SyncResult.Outcome.UP_TO_DATE,
          held.get().generation(),
          0,
          0,
          client.wireBytes() - wireAtStart,
          0,
          counts[1],
          counts[0],
          List.of(),
          Optional.empty(),
          eventsSent,
          Duration.ofNanos(System.nanoTime() - started));
    }
    long generation;
    List<String> manifestRefused = new ArrayList<>();
    if (answer.isPresent()) {
      Manifest manifest = screen(answer.get(), manifestRefused);
      List<ManifestEntry> target = manifest.entriesAfter(store.manifest());
      store.stage(
          new GenerationInfo(
              manifest.generation(),
              manifest.etag(),
              manifest.modelId(),
              manifest.selector(),
              manifest.day(),
              manifest.builtAt()),
          target);
      generation = manifest.generation();
    } else {
      generation = staged.get().generation();
    }

    Plan plan = plan(store.missing(), store.stagedBytesPresent());
    Download download = new Download(cancel, listener);
    download.run(plan.entries);

    boolean complete = store.missing().isEmpty() && manifestRefused.isEmpty();
    int evicted = store.commitStaged(complete, clock.instant());
    store.collectBlobGarbage();
    // Indexed beside the download; a sync ends when what it brought can be searched.
    store.awaitSearchIndex();
    store.checkpoint();
    Optional<String> cut = Optional.empty();
    if (!complete) {
      List<String> why = new ArrayList<>();
      cancel.reason().ifPresent(why::add);
      plan.cut.ifPresent(why::add);
      int refusedCount = manifestRefused.size() + download.refused.size();
      if (refusedCount > 0) {
        why.add(refusedCount + " refused");
      }
      if (!download.errors.isEmpty()) {
        why.add(download.errors.size() + " not served: " + download.errors.get(0));
      }
      cut = Optional.of(why.isEmpty() ? "incomplete" : String.join("; ", why));
    }
    long[] counts = store.manifestCounts();
    SyncResult result =
        new SyncResult(
            complete ? SyncResult.Outcome.COMPLETE : SyncResult.Outcome.CUT_OFF,
            generation,
            download.records,
            download.bytes,
            client.wireBytes() - wireAtStart,
            evicted,
            counts[1],
            counts[0],
            concat(manifestRefused, download.refused),
            cut,
            eventsSent,
            Duration.ofNanos(System.nanoTime() - started));
    store.putMeta(
        Map.of("last_sync_at", clock.instant().toString(), "last_sync", result.summary()));
    return result;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    synchronized (b) {
      all.addAll(b);
    }
    return List.copyOf(all);
  }

  /**
   * The manifest without the entries the agent refuses (see {@link ServerValues}): each goes to
   * {@code refused} with its reason, and so does a second entry for the same record; the delta's
   * removed and order lists keep only valid ids, none of them refused.
   */
  static Manifest screen(Manifest m, List<String> refused) {
    java.util.Set<String> dropped = new java.util.HashSet<>();
    java.util.function.Function<List<ManifestEntry>, List<ManifestEntry>> keep =
        entries -> {
          java.util.Set<String> seen = new java.util.HashSet<>();
          List<ManifestEntry> kept = new ArrayList<>(entries.size());
          for (ManifestEntry e : entries) {
            Optional<String> problem =
                ServerValues.problem(e)
                    .or(
                        () ->
                            seen.add(e.recordId())
                                ? Optional.empty()
                                : Optional.of("listed twice"));
            if (problem.isPresent()) {
              refused.add(ServerValues.quoted(e.recordId()) + " (" + problem.get() + ")");
              dropped.add(e.recordId());
            } else {
              kept.add(e);
            }
          }
          return kept;
        };
    List<ManifestEntry> entries = keep.apply(m.entries());
    List<ManifestEntry> added = keep.apply(m.added());
    List<ManifestEntry> changed = keep.apply(m.changed());
    // A record refused once is refused everywhere, even where another list holds it validly.
    entries = entries.stream().filter(e -> !dropped.contains(e.recordId())).toList();
    added = added.stream().filter(e -> !dropped.contains(e.recordId())).toList();
    changed = changed.stream().filter(e -> !dropped.contains(e.recordId())).toList();
    List<String> removed = m.removed().stream().filter(ServerValues::isId).toList();
    List<String> order =
        m.order().stream().filter(id -> ServerValues.isId(id) && !dropped.contains(id)).toList();
    return new Manifest(
        m.deviceId(),
        m.userId(),
        m.generation(),
        m.since(),
        m.full(),
        m.etag(),
        m.day(),
        m.modelId(),
        m.selector(),
        m.note(),
        m.budget(),
        m.bytes(),
        m.builtAt(),
        entries,
        added,
        changed,
        removed,
        order,
        m.notFitted());
  }

  private record Plan(List<ManifestEntry> entries, Optional<String> cut) {}

  /** What to download: missing entries in priority order while budget and free disk allow. */
  private Plan plan(List<ManifestEntry> missing, long presentBytes) {
    long budgetRoom = config.budgetBytes() - presentBytes;
    long diskRoom = usableDisk.getAsLong() - config.diskReserveBytes();
    List<ManifestEntry> chosen = new ArrayList<>();
    Optional<String> cut = Optional.empty();
    for (ManifestEntry e : missing) {
      if (e.sizeBytes() > budgetRoom) {
        cut =
            cut.or(
                () ->
                    Optional.of(
                        "device budget " + ByteSizes.human(config.budgetBytes()) + " reached"));
      } else if (e.sizeBytes() > diskRoom) {
        cut =
            cut.or(
                () ->
                    Optional.of(
                        "free disk is low (keeping "
                            + ByteSizes.human(config.diskReserveBytes())
                            + " free)"));
      } else {
        chosen.add(e);
        budgetRoom -= e.sizeBytes();
        diskRoom -= e.sizeBytes();
      }
    }
    return new Plan(chosen, cut);
  }

  private int sendTelemetry() {
    List<AccessEvent> all = store.unsentEvents();
    // A search that found nothing names no record; the service cannot file it, so it stays local
    // (it still counts in the device's own hit rate).
    store.markSent(
        all.stream().filter(e -> e.recordId().isEmpty()).map(AccessEvent::eventId).toList());
    List<AccessEvent> events = all.stream().filter(e -> e.recordId().isPresent()).toList();
    int sent = 0;
    for (int i = 0; i < events.size(); i += TELEMETRY_CHUNK) {
      List<AccessEvent> chunk = events.subList(i, Math.min(events.size(), i + TELEMETRY_CHUNK));
      TelemetryAnswer answer = client.telemetry(config.deviceId(), chunk);
      // Rejected events would be rejected again: they count as delivered too.
      store.markSent(chunk.stream().map(AccessEvent::eventId).toList());
      sent += answer.accepted() + answer.duplicates();
    }
    return sent;
  }

  /** One batch's answer, verified and prepared off the writer thread. */
  private record Batch(
      List<PreparedRecord> inline,
      List<RecordLine> blobs,
      List<String> refused,
      List<String> errors,
      long inlineBytes) {}

  /** The download phase of one sync. */
  private final class Download {
    private final CancelSignal cancel;
    private final SyncListener listener;
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private long records;
    private long bytes;

    Download(CancelSignal cancel, SyncListener listener) {
      this.cancel = cancel;
      this.listener = listener;
    }

    void run(List<ManifestEntry> plan) {
      listener.started(plan.size(), plan.stream().mapToLong(ManifestEntry::sizeBytes).sum());
      List<List<ManifestEntry>> batches = batches(plan);
      ExecutorService fetchers =
          Executors.newFixedThreadPool(Math.max(1, lookahead), DaemonThreads.named("primer-fetch"));
      ExecutorService blobPool =
          Executors.newFixedThreadPool(BLOB_DOWNLOADS, DaemonThreads.named("primer-blob"));
      Deque<CompletableFuture<Batch>> inFlight = new ArrayDeque<>();
      int next = 0;
      try {
        while ((next < batches.size() || !inFlight.isEmpty()) && !cancel.cancelled()) {
          while (next < batches.size() && inFlight.size() <= lookahead) {
            List<ManifestEntry> batch = batches.get(next++);
            inFlight.add(
                CompletableFuture.supplyAsync(
                    () -> retrying.call(() -> fetch(batch), cancel::cancelled), fetchers));
          }
          long t0 = System.nanoTime();
          Batch batch = await(inFlight.poll());
          long t1 = System.nanoTime();
          store.insert(batch.inline);
          timings.waiting.addAndGet(t1 - t0);
          timings.writing.addAndGet(System.nanoTime() - t1);
          records += batch.inline.size();
          bytes += batch.inlineBytes;
          listener.advanced(batch.inline.size(), batch.inlineBytes);
          refused.addAll(batch.refused);
          errors.addAll(batch.errors);
          long t2 = System.nanoTime();
          downloadBlobs(batch.blobs, blobPool);
          timings.blobs.addAndGet(System.nanoTime() - t2);
        }
      } finally {
        fetchers.shutdownNow();
        blobPool.shutdownNow();
        listener.finished();
      }
    }

    private Batch await(CompletableFuture<Batch> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("sync interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    private List<List<ManifestEntry>> batches(List<ManifestEntry> plan) {
      List<List<ManifestEntry>> out = new ArrayList<>();
      List<ManifestEntry> current = new ArrayList<>();
      long inlineBytes = 0;
      for (ManifestEntry e : plan) {
        long inline = e.sizeBytes() <= 64 * 1024 ? e.sizeBytes() : 0;
        if (!current.isEmpty()
            && (current.size() >= config.batchSize() || inlineBytes + inline > BATCH_BYTES)) {
          out.add(current);
          current = new ArrayList<>();
          inlineBytes = 0;
        }
        current.add(e);
        inlineBytes += inline;
      }
      if (!current.isEmpty()) {
        out.add(current);
      }
      return out;
    }

    private Batch fetch(List<ManifestEntry> batch) {
      Map<String, ManifestEntry> wanted = new HashMap<>();
      batch.forEach(e -> wanted.put(e.recordId(), e));
      List<PreparedRecord> inline = new ArrayList<>();
      List<RecordLine> blobs = new ArrayList<>();
      List<String> refusedHere = new ArrayList<>();
      List<String> errorsHere = new ArrayList<>();
      long[] inlineBytes = new long[1];
      client.fetch(
          config.deviceId(),
          batch.stream().map(ManifestEntry::recordId).toList(),
          line -> {
            ManifestEntry entry = wanted.get(line.id());
            Optional<String> problem =
                entry == null ? Optional.empty() : ServerValues.problem(line, entry);
            if (entry == null) {
              errorsHere.add(ServerValues.quoted(line.id()) + ": not asked for");
            } else if (line.isError()) {
              errorsHere.add(line.id() + ": " + ServerValues.quoted(line.error()));
            } else if (problem.isPresent()) {
              refusedHere.add(line.id() + " (" + problem.get() + ")");
            } else if (line.isBlob()) {
              if (line.blob().equals(entry.sha256())) {
                blobs.add(line);
              } else {
                refusedHere.add(
                    line.id()
                        + " (blob "
                        + line.blob()
                        + " is not the manifest's "
                        + entry.sha256()
                        + ")");
              }
            } else {
              byte[] content = line.contentBase64();
              String actual = RecordPreparer.sha256(content);
              if (content.length != entry.sizeBytes()) {
                refusedHere.add(
                    line.id()
                        + " (content of "
                        + content.length
                        + " bytes, the manifest says "
                        + entry.sizeBytes()
                        + ")");
              } else if (actual.equals(entry.sha256())) {
                inline.add(preparer.inline(line, entry.sha256(), content));
                inlineBytes[0] += content.length;
              } else {
                refusedHere.add(line.id() + " (sha256 mismatch)");
              }
            }
          });
      return new Batch(inline, blobs, refusedHere, errorsHere, inlineBytes[0]);
    }

    /**
     * Downloads a batch's blobs a few at a time (each distinct sha256 once), then stores the
     * records of the verified ones from this thread, the store's only writer.
     */
    private void downloadBlobs(List<RecordLine> lines, ExecutorService pool) {
      Map<String, List<RecordLine>> bySha = new LinkedHashMap<>();
      for (RecordLine line : lines) {
        bySha.computeIfAbsent(line.blob(), k -> new ArrayList<>()).add(line);
      }
      Map<String, CompletableFuture<Boolean>> downloads = new LinkedHashMap<>();
      bySha.forEach(
          (sha, same) ->
              downloads.put(
                  sha,
                  CompletableFuture.supplyAsync(
                      () -> retrying.call(() -> fetchBlob(sha, same.get(0)), cancel::cancelled),
                      pool)));
      for (Map.Entry<String, CompletableFuture<Boolean>> d : downloads.entrySet()) {
        if (!awaitBlob(d.getValue())) {
          continue;
        }
        for (RecordLine line : Objects.requireNonNull(bySha.get(d.getKey()))) {
          store.insert(List.of(preparer.blob(line, d.getKey())));
          records++;
          bytes += line.sizeBytes();
          listener.advanced(1, line.sizeBytes());
        }
      }
    }

    private boolean awaitBlob(CompletableFuture<Boolean> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("sync interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    /** Downloads and verifies one blob; false when cancelled or refused. */
    private boolean fetchBlob(String sha, RecordLine line) {
      BlobFiles blobs = store.blobs();
      if (cancel.cancelled()) {
        return false;
      }
      if (!blobs.has(sha)) {
        long size = line.sizeBytes();
        try (dev.primer.agent.store.BlobDownload d = blobs.startDownload(sha)) {
          if (d.offset() > size) {
            d.restart(); // an earlier answer ran past the size: start over
          }
          long offset = d.offset();
          long before = offset;
          try (PrimerClient.BlobStream stream = client.blob(sha, offset)) {
            if (offset > 0 && !stream.partial()) {
              d.restart();
              before = 0;
            }
            // Never more than the manifest's size: an endless answer, or one whose Content-Length
            // lies, stops here.
            long got = d.writeAll(stream.body(), size - before, cancel::cancelled);
            listener.advanced(0, 0);
            if (cancel.cancelled()) {
              return false;
            }
            if (before + got < size) {
              // Cut short: a passing failure, retried; the complete chunks are kept for resume.
              throw new UncheckedIOException(
                  new java.io.EOFException(
                      "blob "
                          + sha
                          + " for "
                          + line.id()
                          + " ended after "
                          + (before + got)
                          + " of "
                          + size
                          + " bytes"));
            }
            if (stream.body().read() >= 0) {
              d.restart();
              refused.add(
                  line.id() + " (blob answer longer than the manifest's " + size + " bytes)");
              return false;
            }
          }
          if (!d.finish()) {
            refused.add(line.id() + " (blob sha256 mismatch)");
            return false;
          }
        } catch (IOException e) {
          throw new UncheckedIOException("blob " + sha + " for " + line.id() + " failed", e);
        }
      }
      return true;
    }
  }
}
