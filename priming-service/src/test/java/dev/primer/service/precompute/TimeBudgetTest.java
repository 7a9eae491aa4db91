package dev.primer.service.precompute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A user's work is stopped when it outlives its budget, and the thread is fit for the next. */
class TimeBudgetTest {
  private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    alarms.shutdownNow();
  }

  @Test
  void stopsWorkThatOutlivesItsBudgetAndClearsTheInterrupt() {
    TimeBudget budget = new TimeBudget(alarms, Duration.ofMillis(50));
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                budget.run(
                    () -> {
                      // Busy like a calendar expansion, which checks its interrupt between events.
                      while (true) {
                        if (Thread.currentThread().isInterrupted()) {
                          throw new CancellationException("interrupted");
                        }
                      }
                    }))
        .isInstanceOf(TimeBudget.Exceeded.class)
        .hasMessageContaining("PT0.05S");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void workWithinItsBudgetRunsUndisturbedAndItsFailuresStayItsOwn() throws Exception {
    TimeBudget budget = new TimeBudget(alarms, Duration.ofSeconds(5));
    int[] ran = {0};
    budget.run(() -> ran[0]++);
    assertThat(ran[0]).isEqualTo(1);
    assertThatThrownBy(
            () ->
                budget.run(
                    () -> {
                      throw new IllegalStateException("own failure");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("own failure");
    Thread.sleep(50);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}
