package dev.primer.agent.edits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {
  static final Instant SENT = Instant.parse("2026-05-04T09:00:00Z");

  @Test
  void theOffsetIsServiceTimeMinusTheRoundTripsMidpoint() {
    // Sent at 09:00:00, answered at 09:00:02: the service answered around 09:00:01 by our clock.
    Instant answered = SENT.plusSeconds(2);
    assertThat(ClockOffset.measure(SENT, answered, "2026-05-04T09:00:31Z")).contains(30_000L);
    assertThat(ClockOffset.measure(SENT, answered, "2026-05-04T08:59:51Z")).contains(-10_000L);
  }

  @Test
  void noOffsetFromAnUnreadableTimeOrAClockSetBackMeanwhile() {
    assertThat(ClockOffset.measure(SENT, SENT.plusSeconds(1), "")).isEmpty();
    assertThat(ClockOffset.measure(SENT, SENT.plusSeconds(1), "yesterday")).isEmpty();
    assertThat(ClockOffset.measure(SENT, SENT.minusSeconds(1), "2026-05-04T09:00:00Z")).isEmpty();
  }

  @Test
  void uuid7CarriesItsMillisecondsAndSortsByTime() {
    UUID early = Uuid7.at(SENT);
    UUID late = Uuid7.at(SENT.plusMillis(1));
    assertThat(early.version()).isEqualTo(7);
    assertThat(early.variant()).isEqualTo(2);
    assertThat(Uuid7.millis(early)).isEqualTo(SENT.toEpochMilli());
    assertThat(early.toString().compareTo(late.toString())).isNegative();
  }
}
