package dev.primer.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.agent.store.EditWork;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadHeartbeatTest {
  /** A clock tests move by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-05-04T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final HandClock clock = new HandClock();
  long highestSeq = 0;
  long waiting = 0;
  Object network = "wifi-cafe";
  boolean reachable = false;
  final List<Instant> tries = new ArrayList<>();

  UploadHeartbeat heartbeat() {
    return new UploadHeartbeat(
        () -> new EditWork(waiting, highestSeq, Optional.empty(), waiting, 0),
        () -> network,
        () -> {
          tries.add(clock.now);
          if (!reachable) {
            throw new IllegalStateException("connect timed out");
          }
          waiting = 0;
          return "sent 1 edit";
        },
        clock,
        d -> clock.now = clock.now.plus(d),
        new Random(7),
        new PrintWriter(new StringWriter()));
  }

  @Test
  void aLocalEditIsUploadedAtTheNextLookWithoutWaitingForTheTimer() {
    UploadHeartbeat h = heartbeat();
    h.beat(); // the first look: nothing waits
    highestSeq = 1;
    waiting = 1;
    reachable = true;

    assertThat(h.beat()).isTrue();
    assertThat(tries).hasSize(1);
    assertThat(h.beat()).isFalse();
  }

  @Test
  void offlineItRetriesOnABackoffTimerFromOneSecondToFiveMinutesWithNothingNewWritten() {
    highestSeq = 1;
    waiting = 1;
    UploadHeartbeat h = heartbeat();
    List<Duration> gaps = new ArrayList<>();
    Instant last = clock.now;
    for (int i = 0; i < 20_000 && tries.size() < 14; i++) {
      if (h.beat()) {
        gaps.add(Duration.between(last, clock.now));
        last = clock.now;
      }
      clock.now = clock.now.plusMillis(250);
    }

    assertThat(tries).hasSize(14);
    // Each wait is jittered within [backoff/2, backoff], the backoff doubling from 1 s to 5 min.
    assertThat(gaps.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1250));
    assertThat(gaps.get(5)).isBetween(Duration.ofSeconds(8), Duration.ofMillis(16_250));
    assertThat(gaps.get(13)).isBetween(Duration.ofSeconds(150), Duration.ofMillis(300_250));
    assertThat(gaps).allMatch(g -> g.compareTo(Duration.ofMillis(300_250)) <= 0);
  }

  @Test
  void aNetworkChangeTriesAtOnceInsteadOfWaitingOutTheBackoff() {
    highestSeq = 1;
    waiting = 1;
    UploadHeartbeat h = heartbeat();
    for (int i = 0; i < 6; i++) {
      clock.now = h.timer().isAfter(clock.now) ? h.timer() : clock.now;
      h.beat();
    }
    assertThat(tries).hasSize(6);
    Instant due = h.timer();
    assertThat(Duration.between(clock.now, due)).isPositive();

    network = "wifi-office";
    reachable = true;

    assertThat(h.beat()).isTrue();
    assertThat(tries.get(tries.size() - 1)).isBefore(due);
    assertThat(waiting).isZero();
  }

  @Test
  void aRefusedDeviceEndsTheHeartbeat() {
    highestSeq = 1;
    waiting = 1;
    UploadHeartbeat h =
        new UploadHeartbeat(
            () -> new EditWork(waiting, highestSeq, Optional.empty(), waiting, 0),
            () -> network,
            () -> {
              throw new ServiceException(410, "device revoked", Optional.empty());
            },
            clock,
            d -> clock.now = clock.now.plus(d),
            new Random(7),
            new PrintWriter(new StringWriter()));

    assertThatThrownBy(h::run).isInstanceOf(ServiceException.class).hasMessageContaining("revoked");
  }
}
