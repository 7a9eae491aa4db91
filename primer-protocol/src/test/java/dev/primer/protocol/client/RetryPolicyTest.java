package dev.primer.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final List<Duration> waits = new ArrayList<>();
  private final RetryPolicy retrying = new RetryPolicy(4, Duration.ofSeconds(1), waits::add);

  @Test
  void aBusyServiceIsAskedAgainAfterTheWaitItNames() {
    AtomicInteger calls = new AtomicInteger();
    String answer =
        retrying.call(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new ServiceException(503, "busy", Optional.of(Duration.ofSeconds(2)));
              }
              return "ok";
            },
            () -> false);
    assertThat(answer).isEqualTo("ok");
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aBrokenAnswerIsAskedAgainWithGrowingBackoff() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      calls.incrementAndGet();
                      throw new UncheckedIOException(new EOFException("broke off"));
                    },
                    () -> false))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(calls).hasValue(4);
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void aRefusalIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      calls.incrementAndGet();
                      throw new ServiceException(403, "forbidden", Optional.empty());
                    },
                    () -> false))
        .isInstanceOf(ServiceException.class);
    assertThat(calls).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aHugeRetryAfterIsCappedSoTheNightIsNotLost() {
    AtomicInteger calls = new AtomicInteger();
    retrying.call(
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new ServiceException(429, "slow down", Optional.of(Duration.ofHours(2)));
          }
          return 1;
        },
        () -> false);
    assertThat(waits).containsExactly(RetryPolicy.LONGEST_WAIT);
  }

  @Test
  void aCancelledCallerIsNotRetried() {
    java.util.function.BooleanSupplier cancel = () -> true;
    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      throw new ServiceException(503, "busy", Optional.empty());
                    },
                    cancel))
        .isInstanceOf(ServiceException.class);
    assertThat(waits).isEmpty();
  }
}
