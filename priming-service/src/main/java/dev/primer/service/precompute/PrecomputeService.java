package dev.primer.service.precompute;

import dev.primer.protocol.client.DaemonThreads;
import dev.primer.service.budget.BudgetService;
import dev.primer.service.selection.SelectionService;
import dev.primer.service.selection.SelectorChoice;
import dev.primer.service.selection.UserSelection;
import dev.primer.service.snapshot.OrgSnapshot;
import dev.primer.service.snapshot.Snapshots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The nightly precompute: every user's selections for their next shift day, computed in parallel on
 * a bounded pool and stored, so the overnight manifest requests find them ready. Progress is stored
 * per user; a run cut short by a restart resumes with the users that are left.
 */
@ApplicationScoped
public class PrecomputeService {
  private static final Logger LOG = Logger.getLogger(PrecomputeService.class);

  @Inject PrecomputeConfig config;
  @Inject PrecomputeRuns runs;
  @Inject Snapshots snapshots;
  @Inject SelectionService selections;
  @Inject MeterRegistry meters;
  @Inject BudgetService deviceBudgets;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final ExecutorService driver =
      Executors.newSingleThreadExecutor(DaemonThreads.named("precompute"));
  private final ScheduledExecutorService alarms =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("precompute-budget"));

  @PostConstruct
  void init() {
    Gauge.builder("primer.precompute.progress", this, PrecomputeService::progress)
        .description("Share of users done in the current or last precompute run")
        .register(meters);
  }

  private double progress() {
    int all = total.get();
    return all == 0 ? 0 : (double) done.get() / all;
  }

  void onStart(@Observes StartupEvent event) {
    driver.execute(
        () -> {
          try {
            resumeUnfinished();
          } catch (RuntimeException e) {
            LOG.error("cannot resume the unfinished precompute run", e);
          }
        });
  }

  void onStop(@Observes ShutdownEvent event) {
    driver.shutdownNow();
    alarms.shutdownNow();
  }

  @Scheduled(
      cron = "{primer.precompute.cron}",
      identity = "nightly-precompute",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void nightly() {
    start("schedule");
  }

  /** Starts a run in the background unless one is running; returns the progress either way. */
  public PrecomputeStatus start(String trigger) {
    if (running.compareAndSet(false, true)) {
      try {
        long id = runs.create(trigger, List.of(), Instant.now());
        driver.execute(
            () -> {
              try {
                // Telemetry since the last rebuild counts too: the data as it is now.
                OrgSnapshot s = snapshots.refreshIfChanged();
                List<String> users = new ArrayList<>();
                for (int u = 0; u < s.catalog().userCount(); u++) {
                  users.add(s.catalog().user(u).id());
                }
                runs.addUsers(id, users);
                execute(id, s);
              } catch (RuntimeException e) {
                LOG.error("precompute run failed", e);
              } finally {
                running.set(false);
              }
            });
      } catch (RuntimeException e) {
        running.set(false);
        throw e;
      }
    }
    return status();
  }

  /** Finishes the newest unfinished run (after a restart), with the users it had left. */
  public OptionalLong resumeUnfinished() {
    OptionalLong id = runs.unfinished();
    if (id.isEmpty() || !running.compareAndSet(false, true)) {
      return OptionalLong.empty();
    }
    try {
      LOG.infof("resuming precompute run %d", id.getAsLong());
      execute(id.getAsLong(), snapshots.current());
      return id;
    } finally {
      running.set(false);
    }
  }

  /** The newest run's progress. */
  public PrecomputeStatus status() {
    return runs.status(Instant.now());
  }

  private void execute(long runId, OrgSnapshot s) {
    List<String> pending = runs.pending(runId);
    Map<String, List<Long>> budgets = runs.budgetsByUser();
    SelectorChoice choice = selections.choice();
    total.set(pending.size());
    done.set(0);
    long t0 = System.nanoTime();
    OptionalInt threads = config.threads();
    int n = threads.isPresent() ? threads.getAsInt() : Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, n));
    TimeBudget budget = new TimeBudget(alarms, config.userTimeBudget());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String userId : pending) {
        futures.add(
            pool.submit(
                () -> {
                  long u0 = System.nanoTime();
                  Optional<String> error = Optional.empty();
                  try {
                    budget.run(
                        () ->
                            one(
                                s,
                                userId,
                                budgets.getOrDefault(userId, List.of(config.defaultBudget())),
                                choice));
                  } catch (TimeBudget.Exceeded e) {
                    // One user's calendar (or anything else of theirs) must not stall the rest.
                    LOG.warnf(
                        "precompute of user %s %s (primer.precompute.user-time-budget)",
                        userId, e.getMessage());
                    error =
                        Optional.of(
                            e.getMessage() + " (setting primer.precompute.user-time-budget)");
                  } catch (RuntimeException e) {
                    LOG.errorf(e, "precompute of user %s failed", userId);
                    error = Optional.of(String.valueOf(e.getMessage()));
                  }
                  runs.done(
                      runId,
                      userId,
                      TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - u0),
                      error,
                      Instant.now());
                  done.incrementAndGet();
                }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          // Shutting down: the users left stay pending and the next start resumes them.
          return;
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.error("precompute task failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    runs.finish(runId, Instant.now());
    int pruned = selections.prunePastDays();
    LOG.infof(
        "precompute run %d: %d users in %d ms (%d selections of past days deleted)",
        runId, pending.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), pruned);
  }

  private void one(OrgSnapshot s, String userId, List<Long> budgets, SelectorChoice choice) {
    OptionalInt u = s.user(userId);
    if (u.isEmpty()) {
      // The user left the org data since the run started: nothing to compute.
      return;
    }
    LocalDate day = selections.dayFor(s, u.getAsInt());
    // A budget an admin lowered since a device last asked applies tonight already.
    String role = s.catalog().user(u.getAsInt()).role().wireName();
    List<Long> served =
        budgets.stream().map(b -> deviceBudgets.served(userId, role, b)).distinct().toList();
    List<UserSelection> computed = selections.compute(s, u.getAsInt(), day, served, choice);
    selections.save(computed);
  }
}
