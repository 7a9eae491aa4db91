package dev.primer.agent.daemon;

import dev.primer.agent.policy.PolicyDecision;
import dev.primer.agent.sync.CancelSignal;
import dev.primer.agent.sync.SyncResult;
import dev.primer.protocol.client.DaemonThreads;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Waits for the overnight window plus a random jitter (so a fleet does not arrive at once), syncs
 * when the network policy allows, retries failures with exponential backoff or the service's
 * Retry-After, and stops a running download the moment the policy or the window ends. A 401 or 410
 * (the device token expired or the device was revoked) is not retried: it ends the run.
 */
public final class Daemon {
  /** How the daemon waits; tests advance a clock instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** How often the policy is re-checked while waiting for the office network. */
  static final Duration POLICY_POLL = Duration.ofMinutes(5);

  static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

  private final SyncWindow window;
  private final Duration maxJitter;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Random random;
  private final Supplier<PolicyDecision> policy;
  private final Function<CancelSignal, SyncResult> sync;
  private final PrintWriter log;
  private Duration watchEvery = Duration.ofSeconds(10);

  public Daemon(
      SyncWindow window,
      Duration maxJitter,
      Clock clock,
      Sleeper sleeper,
      Random random,
      Supplier<PolicyDecision> policy,
      Function<CancelSignal, SyncResult> sync,
      PrintWriter log) {
    this.window = window;
    this.maxJitter = maxJitter;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.policy = policy;
    this.sync = sync;
    this.log = log;
  }

  /** How often a running sync re-checks the policy and the window (default 10 s). */
  public Daemon watchEvery(Duration every) {
    this.watchEvery = every;
    return this;
  }

  /** Runs {@code windows} windows (forever when 0). */
  public void run(int windows) throws InterruptedException {
    for (int i = 0; windows <= 0 || i < windows; i++) {
      runWindow();
    }
  }

  /** Waits for the next window and works in it until a sync ends or the window closes. */
  public Optional<SyncResult> runWindow() throws InterruptedException {
    SyncWindow.Occurrence w = window.currentOrNext(now());
    long windowSeconds = Duration.between(w.start(), w.end()).toSeconds();
    long jitterSeconds = Math.min(maxJitter.toSeconds(), windowSeconds / 2);
    ZonedDateTime start =
        w.start()
            .plusSeconds(jitterSeconds <= 0 ? 0 : (long) (random.nextDouble() * jitterSeconds));
    if (now().isBefore(start)) {
      log.println("daemon: next window " + w.start() + " to " + w.end() + "; starting at " + start);
      log.flush();
      sleepUntil(start);
    }
    Duration backoff = FIRST_BACKOFF;
    while (now().isBefore(w.end())) {
      PolicyDecision decision = policy.get();
      if (!decision.allowed()) {
        log.println("daemon: not syncing: " + decision.reason());
        log.flush();
        sleepAtMost(POLICY_POLL, w.end());
        continue;
      }
      CancelSignal cancel = new CancelSignal();
      ScheduledExecutorService watcher =
          Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("primer-policy-watch"));
      // The watcher is shut down, not waited on; watch() reports through cancel.
      var unused =
          watcher.scheduleAtFixedRate(
              () -> watch(cancel, w.end()),
              watchEvery.toMillis(),
              watchEvery.toMillis(),
              TimeUnit.MILLISECONDS);
      try {
        SyncResult result = sync.apply(cancel);
        log.println("daemon: " + result.summary());
        log.flush();
        if (result.outcome() != SyncResult.Outcome.CUT_OFF || !cancel.cancelled()) {
          return Optional.of(result);
        }
        // Cut off by the policy or the window: wait for the office network again.
      } catch (ServiceException e) {
        if (e.status() == 401 || e.status() == 410) {
          // A refused token (expired, revoked, unknown) stays refused: stop instead of retrying.
          throw e;
        }
        Duration wait = e.retryAfter().orElse(backoff);
        log.println(
            "daemon: sync failed (" + e.getMessage() + "); retrying in " + wait.toSeconds() + "s");
        log.flush();
        sleepAtMost(wait, w.end());
        backoff = e.retryAfter().isPresent() ? backoff : next(backoff);
      } catch (RuntimeException e) {
        log.println(
            "daemon: sync failed ("
                + e.getMessage()
                + "); retrying in "
                + backoff.toSeconds()
                + "s");
        log.flush();
        sleepAtMost(backoff, w.end());
        backoff = next(backoff);
      } finally {
        watcher.shutdownNow();
      }
    }
    log.println("daemon: window closed at " + w.end());
    log.flush();
    return Optional.empty();
  }

  private void watch(CancelSignal cancel, ZonedDateTime end) {
    if (!now().isBefore(end)) {
      cancel.cancel("the sync window closed");
      return;
    }
    PolicyDecision decision = policy.get();
    if (!decision.allowed()) {
      cancel.cancel("left the office network: " + decision.reason());
    }
  }

  static Duration next(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock);
  }

  private void sleepUntil(ZonedDateTime t) throws InterruptedException {
    Duration d = Duration.between(now(), t);
    if (!d.isNegative() && !d.isZero()) {
      sleeper.sleep(d);
    }
  }

  private void sleepAtMost(Duration d, ZonedDateTime end) throws InterruptedException {
    ZonedDateTime until = now().plus(d);
    sleepUntil(until.isAfter(end) ? end : until);
  }
}
