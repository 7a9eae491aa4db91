package dev.primer.agent.sync;

import dev.primer.agent.store.LocalStore;
import dev.primer.protocol.client.DaemonThreads;
import dev.primer.protocol.client.RetryPolicy;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.records.RecordLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The download phase of one sync: record batches fetched ahead of the one being written (so the
 * network and SQLite work in parallel), each written in one transaction by this thread, the store's
 * only writer; then each batch's blobs a few at a time.
 */
final class Download {
  /** Blobs downloaded at once: one stream rarely fills a fast link, several do. */
  private static final int BLOB_DOWNLOADS = 3;

  private final LocalStore store;
  private final RecordFetcher records;
  private final BlobFetcher blobs;
  private final RetryPolicy retrying;
  private final Syncer.Timings timings;
  private final int lookahead;
  private final CancelSignal cancel;
  private final SyncListener listener;
  private final RecordPreparer preparer;
  private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private long recordCount;
  private long byteCount;

  Download(
      LocalStore store,
      RecordFetcher records,
      BlobFetcher blobs,
      RetryPolicy retrying,
      Syncer.Timings timings,
      int lookahead,
      CancelSignal cancel,
      SyncListener listener) {
    this.store = store;
    this.records = records;
    this.blobs = blobs;
    this.retrying = retrying;
    this.timings = timings;
    this.lookahead = lookahead;
    this.cancel = cancel;
    this.listener = listener;
    this.preparer = new RecordPreparer(store.cipher());
  }

  /** Records stored. */
  long records() {
    return recordCount;
  }

  /** Content bytes stored. */
  long bytes() {
    return byteCount;
  }

  /** Lines refused, with why (safe to read while blobs download). */
  List<String> refused() {
    return refused;
  }

  /** Ids the service did not serve, with its reason. */
  List<String> errors() {
    return errors;
  }

  /** Downloads {@code batches} in order until done or cancelled. */
  void run(List<List<ManifestEntry>> batches) {
    listener.started(
        batches.stream().mapToInt(List::size).sum(),
        batches.stream().flatMap(List::stream).mapToLong(ManifestEntry::sizeBytes).sum());
    ExecutorService fetchers =
        Executors.newFixedThreadPool(Math.max(1, lookahead), DaemonThreads.named("primer-fetch"));
    ExecutorService blobPool =
        Executors.newFixedThreadPool(BLOB_DOWNLOADS, DaemonThreads.named("primer-blob"));
    Deque<CompletableFuture<FetchedBatch>> inFlight = new ArrayDeque<>();
    int next = 0;
    try {
      while ((next < batches.size() || !inFlight.isEmpty()) && !cancel.cancelled()) {
        while (next < batches.size() && inFlight.size() <= lookahead) {
          List<ManifestEntry> batch = batches.get(next++);
          inFlight.add(
              CompletableFuture.supplyAsync(
                  () -> retrying.call(() -> records.fetch(batch), cancel::cancelled), fetchers));
        }
        long t0 = System.nanoTime();
        FetchedBatch batch = await(inFlight.poll());
        long t1 = System.nanoTime();
        store.insert(batch.inline(), batch.fields());
        timings.waiting.addAndGet(t1 - t0);
        timings.writing.addAndGet(System.nanoTime() - t1);
        recordCount += batch.inline().size();
        byteCount += batch.inlineBytes();
        listener.advanced(batch.inline().size(), batch.inlineBytes());
        refused.addAll(batch.refused());
        errors.addAll(batch.errors());
        long t2 = System.nanoTime();
        downloadBlobs(batch.blobs(), blobPool);
        timings.blobs.addAndGet(System.nanoTime() - t2);
      }
    } finally {
      fetchers.shutdownNow();
      blobPool.shutdownNow();
      listener.finished();
    }
  }

  /**
   * Downloads a batch's blobs a few at a time (each distinct sha256 once), then stores the records
   * of the verified ones from this thread.
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
                    () ->
                        retrying.call(
                            () -> {
                              boolean kept =
                                  blobs.fetch(sha, same.get(0), cancel::cancelled, refused);
                              listener.advanced(0, 0);
                              return kept;
                            },
                            cancel::cancelled),
                    pool)));
    for (Map.Entry<String, CompletableFuture<Boolean>> d : downloads.entrySet()) {
      if (!await(d.getValue())) {
        continue;
      }
      for (RecordLine line : bySha.getOrDefault(d.getKey(), List.of())) {
        store.insert(
            List.of(preparer.blob(line, d.getKey())), List.of(RecordPreparer.fields(line)));
        recordCount++;
        byteCount += line.sizeBytes();
        listener.advanced(1, line.sizeBytes());
      }
    }
  }

  private static <T> T await(CompletableFuture<T> future) {
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
}
