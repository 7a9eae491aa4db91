package dev.primer.agent.daemon;

import dev.primer.agent.store.EditWork;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The edit upload's own heartbeat, apart from the overnight window and on any network: an upload is
 * tried when a local edit was committed (the outbox is polled every few seconds), when the network
 * changed (a reconnect), and when a jittered backoff timer (1 s doubling to 5 min) runs out, even
 * when nothing new was written: an edit made offline goes up soon after the network comes back,
 * without the rep doing anything.
 */
public final class UploadHeartbeat {
  /** How often the outbox and the network are looked at. */
  public static final Duration POLL = Duration.ofSeconds(3);

  static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /** One upload; throws when the service could not be reached or refused. */
  @FunctionalInterface
  public interface Upload {
    /** Uploads what waits; a one-line summary for the log. */
    String run();
  }

  private final Supplier<EditWork> work;
  private final Supplier<Object> network;
  private final Upload upload;
  private final Clock clock;
  private final Daemon.Sleeper sleeper;
  private final Random random;
  private final PrintWriter log;

  private long seenSeq = -1;
  private Object seenNetwork = new Object();
  private Duration backoff = MIN_BACKOFF;
  private Instant timer = Instant.MIN;

  /**
   * @param work the outbox at a glance
   * @param network what identifies the network the machine is on (its addresses): a change is a
   *     reconnect
   * @param upload one upload
   */
  public UploadHeartbeat(
      Supplier<EditWork> work,
      Supplier<Object> network,
      Upload upload,
      Clock clock,
      Daemon.Sleeper sleeper,
      Random random,
      PrintWriter log) {
    this.work = work;
    this.network = network;
    this.upload = upload;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.log = log;
  }

  /** Beats until interrupted; a refused device (401, 410) ends it by throwing. */
  public void run() throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      beat();
      Duration untilTimer = Duration.between(clock.instant(), timer);
      sleeper.sleep(
          untilTimer.isNegative() || untilTimer.compareTo(POLL) > 0
              ? POLL
              : untilTimer.isZero() ? Duration.ofMillis(1) : untilTimer);
    }
  }

  /**
   * Looks once; uploads if a local edit was committed, the network changed or the timer ran out.
   * Returns whether it tried.
   */
  boolean beat() {
    EditWork now = work.get();
    Object net = network.get();
    boolean written = now.highestSeq() != seenSeq;
    boolean reconnected = !Objects.equals(net, seenNetwork);
    boolean due = !clock.instant().isBefore(timer);
    seenSeq = now.highestSeq();
    seenNetwork = net;
    if (!written && !reconnected && !due) {
      return false;
    }
    if (now.idle()) {
      // The next look is the poll; the timer idles at its longest.
      backoff = MIN_BACKOFF;
      timer = clock.instant().plus(MAX_BACKOFF);
      return false;
    }
    try {
      String summary = upload.run();
      log.println("daemon: edits: " + summary);
      boolean drained = work.get().waiting() == 0;
      backoff = drained ? MIN_BACKOFF : next(backoff);
      timer = clock.instant().plus(drained ? MAX_BACKOFF : jittered(backoff));
    } catch (ServiceException e) {
      if (e.status() == 401 || e.status() == 410) {
        throw e;
      }
      failed(e);
    } catch (RuntimeException e) {
      failed(e);
    }
    log.flush();
    return true;
  }

  private void failed(RuntimeException e) {
    Duration wait = jittered(backoff);
    log.println(
        "daemon: edits not uploaded ("
            + e.getMessage()
            + "); trying again in "
            + wait.toMillis()
            + " ms, or at once on a new edit or network");
    timer = clock.instant().plus(wait);
    backoff = next(backoff);
  }

  /** When the next try is due, by the heartbeat's clock (for tests). */
  Instant timer() {
    return timer;
  }

  /** Between half of {@code d} and all of it, never under the minimum: a fleet spreads out. */
  private Duration jittered(Duration d) {
    long ms = d.toMillis();
    long wait = ms / 2 + (long) (random.nextDouble() * (ms - ms / 2));
    return Duration.ofMillis(Math.max(MIN_BACKOFF.toMillis(), wait));
  }

  static Duration next(Duration d) {
    Duration doubled = d.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }
}
