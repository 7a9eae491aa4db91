package dev.primer.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.agent.policy.PolicyDecision;
import dev.primer.agent.sync.CancelSignal;
import dev.primer.agent.sync.SyncResult;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DaemonTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  /** A clock that sleeping advances. */
  static final class StepClock extends Clock {
    Instant now;
    final List<Duration> sleeps = new ArrayList<>();

    StepClock(ZonedDateTime start) {
      now = start.toInstant();
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void sleep(Duration d) {
      sleeps.add(d);
      now = now.plus(d);
    }
  }

  private static SyncResult result(SyncResult.Outcome outcome) {
    return new SyncResult(
        outcome, 1, 0, 0, 0, 0, 0, 0, List.of(), Optional.empty(), 0, Duration.ZERO);
  }

  private static Daemon daemon(
      StepClock clock,
      Supplier<PolicyDecision> policy,
      Function<CancelSignal, SyncResult> sync,
      StringWriter log) {
    return new Daemon(
            new SyncWindow(LocalTime.of(1, 0), LocalTime.of(5, 0)),
            Duration.ofMinutes(30),
            clock,
            clock::sleep,
            new Random(1),
            policy,
            sync,
            new PrintWriter(log))
        .watchEvery(Duration.ofMillis(5));
  }

  @Test
  void waitsForTheWindowPlusJitterThenSyncsOnce() throws Exception {
    StepClock clock = new StepClock(ZonedDateTime.of(2026, 5, 3, 18, 0, 0, 0, ZONE));
    AtomicInteger syncs = new AtomicInteger();
    List<Instant> at = new ArrayList<>();
    Daemon d =
        daemon(
            clock,
            () -> new PolicyDecision(true, "office"),
            c -> {
              syncs.incrementAndGet();
              at.add(clock.instant());
              return result(SyncResult.Outcome.COMPLETE);
            },
            new StringWriter());

    assertThat(d.runWindow()).isPresent();

    assertThat(syncs).hasValue(1);
    ZonedDateTime started = at.get(0).atZone(ZONE);
    assertThat(started).isAfterOrEqualTo(ZonedDateTime.of(2026, 5, 4, 1, 0, 0, 0, ZONE));
    assertThat(started).isBefore(ZonedDateTime.of(2026, 5, 4, 1, 30, 0, 0, ZONE));
  }

  @Test
  void retriesWithBackoffAndHonoursRetryAfter() throws Exception {
    StepClock clock = new StepClock(ZonedDateTime.of(2026, 5, 4, 2, 0, 0, 0, ZONE));
    AtomicInteger calls = new AtomicInteger();
    Daemon d =
        daemon(
            clock,
            () -> new PolicyDecision(true, "office"),
            c -> {
              int n = calls.incrementAndGet();
              if (n == 1) {
                throw new ServiceException(503, "busy", Optional.of(Duration.ofSeconds(120)));
              }
              if (n <= 3) {
                throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
              }
              return result(SyncResult.Outcome.COMPLETE);
            },
            new StringWriter());

    d.runWindow();

    assertThat(calls).hasValue(4);
    assertThat(clock.sleeps)
        .containsExactly(Duration.ofSeconds(120), Duration.ofMinutes(1), Duration.ofMinutes(2));
  }

  @Test
  void aRefusedTokenEndsTheDaemonInsteadOfRetrying() {
    StepClock clock = new StepClock(ZonedDateTime.of(2026, 5, 4, 2, 0, 0, 0, ZONE));
    for (int status : new int[] {401, 410}) {
      AtomicInteger calls = new AtomicInteger();
      Daemon d =
          daemon(
              clock,
              () -> new PolicyDecision(true, "office"),
              c -> {
                calls.incrementAndGet();
                throw new ServiceException(
                    status,
                    "refused",
                    Optional.empty(),
                    dev.primer.protocol.problem.ProblemDocument.of(
                        "device-revoked", "Device revoked", status, "refused", "", null));
              },
              new StringWriter());

      org.assertj.core.api.Assertions.assertThatThrownBy(d::runWindow)
          .isInstanceOf(ServiceException.class);
      assertThat(calls).hasValue(1);
    }
  }

  @Test
  void waitsForTheOfficeNetworkAndGivesUpWhenTheWindowCloses() throws Exception {
    StepClock clock = new StepClock(ZonedDateTime.of(2026, 5, 4, 4, 0, 0, 0, ZONE));
    StringWriter log = new StringWriter();
    Daemon d =
        daemon(
            clock,
            () -> new PolicyDecision(false, "Wi-Fi 'cafe' is not allowed"),
            c -> {
              throw new AssertionError("must not sync off the office network");
            },
            log);

    assertThat(d.runWindow()).isEmpty();
    assertThat(clock.instant())
        .isEqualTo(ZonedDateTime.of(2026, 5, 4, 5, 0, 0, 0, ZONE).toInstant());
    assertThat(log.toString())
        .contains("not syncing: Wi-Fi 'cafe' is not allowed")
        .contains("window closed");
  }

  @Test
  void stopsARunningSyncWhenThePolicyStopsHolding() throws Exception {
    StepClock clock = new StepClock(ZonedDateTime.of(2026, 5, 4, 4, 50, 0, 0, ZONE));
    AtomicInteger policyCalls = new AtomicInteger();
    List<String> cancelReasons = new ArrayList<>();
    Daemon d =
        daemon(
            clock,
            () ->
                policyCalls.incrementAndGet() == 1
                    ? new PolicyDecision(true, "office")
                    : new PolicyDecision(false, "Wi-Fi 'car' is not allowed"),
            c -> {
              long until = System.nanoTime() + 5_000_000_000L;
              while (!c.cancelled() && System.nanoTime() < until) {
                Thread.onSpinWait();
              }
              cancelReasons.add(c.reason().orElse("never cancelled"));
              return new SyncResult(
                  SyncResult.Outcome.CUT_OFF,
                  1,
                  0,
                  0,
                  0,
                  0,
                  0,
                  0,
                  List.of(),
                  c.reason(),
                  0,
                  Duration.ZERO);
            },
            new StringWriter());

    d.runWindow();

    assertThat(cancelReasons).first().asString().contains("left the office network");
  }

  @Test
  void aWindowOverMidnightContainsTheSmallHours() {
    SyncWindow w = new SyncWindow(LocalTime.of(22, 0), LocalTime.of(2, 0));
    SyncWindow.Occurrence o =
        w.currentOrNext(ZonedDateTime.of(2026, 5, 4, 1, 0, 0, 0, ZoneOffset.UTC));
    assertThat(o.start()).isEqualTo(ZonedDateTime.of(2026, 5, 3, 22, 0, 0, 0, ZoneOffset.UTC));
    assertThat(o.end()).isEqualTo(ZonedDateTime.of(2026, 5, 4, 2, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void backoffDoublesUpToItsCap() {
    assertThat(Daemon.next(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(2));
    assertThat(Daemon.next(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(30));
  }
}
