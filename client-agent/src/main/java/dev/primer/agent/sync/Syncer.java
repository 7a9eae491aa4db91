package dev.primer.agent.sync;

import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.store.AccessEvent;
import dev.primer.agent.store.GenerationInfo;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.trust.ServerValues;
import dev.primer.protocol.client.RetryPolicy;
import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    final java.util.concurrent.atomic.AtomicLong waiting =
        new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong writing =
        new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong blobs =
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

    SyncPlan plan =
        SyncPlan.choose(
            store.missing(),
            store.stagedBytesPresent(),
            config.budgetBytes(),
            usableDisk.getAsLong(),
            config.diskReserveBytes());
    Download download =
        new Download(
            store,
            new RecordFetcher(client, config.deviceId(), preparer),
            new BlobFetcher(store.blobs(), client),
            retrying,
            timings,
            lookahead,
            cancel,
            listener);
    download.run(plan.batches(config.batchSize(), BATCH_BYTES));

    if (!cancel.cancelled()) {
      new FieldRefresh(store, client, config.deviceId(), retrying).run(config.batchSize(), cancel);
    }
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
      plan.cut().ifPresent(why::add);
      int refusedCount = manifestRefused.size() + download.refused().size();
      if (refusedCount > 0) {
        why.add(refusedCount + " refused");
      }
      if (!download.errors().isEmpty()) {
        why.add(download.errors().size() + " not served: " + download.errors().get(0));
      }
      cut = Optional.of(why.isEmpty() ? "incomplete" : String.join("; ", why));
    }
    long[] counts = store.manifestCounts();
    SyncResult result =
        new SyncResult(
            complete ? SyncResult.Outcome.COMPLETE : SyncResult.Outcome.CUT_OFF,
            generation,
            download.records(),
            download.bytes(),
            client.wireBytes() - wireAtStart,
            evicted,
            counts[1],
            counts[0],
            concat(manifestRefused, download.refused()),
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
}
