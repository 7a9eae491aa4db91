package dev.primer.service.snapshot;

import dev.primer.protocol.client.DaemonThreads;
import dev.primer.service.data.OrgDataChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The current org snapshot. Rebuilt on one background thread when org data changes (debounced, so a
 * bulk import of many chunks costs one rebuild) and swapped in atomically; requests never wait for
 * a rebuild, except the very first one after startup.
 */
@ApplicationScoped
public class Snapshots {
  private static final Logger LOG = Logger.getLogger(Snapshots.class);

  @Inject SnapshotLoader loader;
  @Inject SnapshotConfig config;

  private final AtomicReference<OrgSnapshot> current = new AtomicReference<>();
  private final CompletableFuture<OrgSnapshot> first = new CompletableFuture<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("org-snapshot"));
  private ScheduledFuture<?> pending;

  void onStart(@Observes StartupEvent event) {
    executor.execute(this::rebuild);
  }

  void onStop(@Observes ShutdownEvent event) {
    executor.shutdownNow();
  }

  /** Schedules a rebuild after the debounce delay; a change within it moves the rebuild later. */
  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrgDataChanged change) {
    requestRebuild();
  }

  /** Rebuilds soon (debounced). */
  public synchronized void requestRebuild() {
    if (pending != null && !pending.isDone()) {
      pending.cancel(false);
    }
    pending =
        executor.schedule(
            this::rebuild, config.snapshotDebounce().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The current snapshot; only the very first call after startup waits for it to load. */
  public OrgSnapshot current() {
    OrgSnapshot s = current.get();
    if (s != null) {
      return s;
    }
    try {
      return first.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the org snapshot loads", e);
    } catch (ExecutionException e) {
      // The first load failed (the database was down?): try again on this thread.
      return refreshNow();
    }
  }

  /**
   * The current snapshot if it knows {@code userId}; otherwise the data as it is now (rebuilt at
   * once when it changed), so that a device of a user imported a moment ago gets an answer rather
   * than a 404 until the debounced rebuild.
   */
  public OrgSnapshot currentKnowing(String userId) {
    OrgSnapshot s = current();
    return s.user(userId).isPresent() ? s : refreshIfChanged();
  }

  /** Rebuilds now on the snapshot thread and waits for it; for the nightly precompute and tests. */
  public OrgSnapshot refreshNow() {
    try {
      return executor.submit(this::rebuild).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the org snapshot loads", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot load the org snapshot", e.getCause());
    }
  }

  /**
   * The snapshot of the data as it is now: the current one while the data version has not moved,
   * else rebuilt on the snapshot thread. For the nightly precompute, which would otherwise load
   * everything again (seconds of work and hundreds of MB) to find the same data.
   */
  public OrgSnapshot refreshIfChanged() {
    OrgSnapshot held = current.get();
    if (held != null && held.dataVersion().equals(loader.currentVersion())) {
      return held;
    }
    return refreshNow();
  }

  private OrgSnapshot rebuild() {
    try {
      OrgSnapshot s = loader.load();
      current.set(s);
      first.complete(s);
      return s;
    } catch (RuntimeException e) {
      LOG.error("org snapshot rebuild failed; the previous one stays", e);
      if (current.get() == null) {
        first.completeExceptionally(e);
      }
      throw e;
    }
  }
}
