package dev.primer.service.precompute;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs work on the calling thread and interrupts that thread when the work outlives its budget, so
 * that one user's precompute cannot hold a pool thread for long. The work must stop when
 * interrupted; calendar expansion, which is where a hostile calendar spends its time, checks
 * between events.
 */
final class TimeBudget {
  /** Work that went over its budget and stopped. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(Duration budget, Throwable cause) {
      super("took longer than its time budget of " + budget + " and was stopped", cause);
    }
  }

  private final ScheduledExecutorService alarms;
  private final Duration budget;

  TimeBudget(ScheduledExecutorService alarms, Duration budget) {
    this.alarms = alarms;
    this.budget = budget;
  }

  /** Runs {@code work}; {@link Exceeded} when the budget ran out before it finished. */
  void run(Runnable work) {
    Thread worker = Thread.currentThread();
    Alarm alarm = new Alarm(worker);
    ScheduledFuture<?> scheduled =
        alarms.schedule(alarm::ring, budget.toNanos(), TimeUnit.NANOSECONDS);
    RuntimeException failure = null;
    try {
      work.run();
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      scheduled.cancel(false);
      if (alarm.stop()) {
        // Our own interrupt, not a shutdown's: the thread goes on to the next user.
        Thread.interrupted();
      }
    }
    if (failure != null) {
      throw alarm.rang() ? new Exceeded(budget, failure) : failure;
    }
  }

  /** Interrupts the worker once, unless the work has stopped first. */
  private static final class Alarm {
    private final Thread worker;
    private boolean running = true;
    private boolean rang;

    Alarm(Thread worker) {
      this.worker = worker;
    }

    synchronized void ring() {
      if (running) {
        rang = true;
        worker.interrupt();
      }
    }

    /** Stops the alarm; true when it had rung. After this it never interrupts. */
    synchronized boolean stop() {
      running = false;
      return rang;
    }

    synchronized boolean rang() {
      return rang;
    }
  }
}
