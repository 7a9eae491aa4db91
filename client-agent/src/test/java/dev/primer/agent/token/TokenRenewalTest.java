package dev.primer.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRenewalTest {
  private static final Instant ISSUED = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void aThirtyDayTokenIsRenewedInItsLastTenDaysOnly() {
    Instant expires = ISSUED.plus(Duration.ofDays(30));

    assertThat(TokenRenewal.due(ISSUED.plus(Duration.ofDays(19)), Optional.of(ISSUED), expires))
        .isFalse();
    assertThat(TokenRenewal.due(ISSUED.plus(Duration.ofDays(21)), Optional.of(ISSUED), expires))
        .isTrue();
  }

  @Test
  void aShortLivedTokenIsRenewedAtEverySync() {
    Instant expires = ISSUED.plus(Duration.ofHours(1));

    assertThat(TokenRenewal.due(ISSUED.plusSeconds(1), Optional.of(ISSUED), expires)).isTrue();
  }

  @Test
  void aLongLivedTokenIsRenewedInItsLastThird() {
    Instant expires = ISSUED.plus(Duration.ofDays(360));

    assertThat(TokenRenewal.window(Optional.of(ISSUED), expires)).isEqualTo(Duration.ofDays(120));
    assertThat(TokenRenewal.due(ISSUED.plus(Duration.ofDays(241)), Optional.of(ISSUED), expires))
        .isTrue();
    assertThat(TokenRenewal.due(ISSUED.plus(Duration.ofDays(239)), Optional.of(ISSUED), expires))
        .isFalse();
  }

  @Test
  void withoutItsIssueTimeSevenDaysAreTheWindow() {
    Instant expires = ISSUED.plus(Duration.ofDays(30));

    assertThat(TokenRenewal.due(expires.minus(Duration.ofDays(8)), Optional.empty(), expires))
        .isFalse();
    assertThat(TokenRenewal.due(expires.minus(Duration.ofDays(6)), Optional.empty(), expires))
        .isTrue();
  }

  @Test
  void anExpiredTokenIsNotRenewed() {
    Instant expires = ISSUED.plus(Duration.ofDays(30));

    assertThat(TokenRenewal.due(expires, Optional.of(ISSUED), expires)).isFalse();
    assertThat(TokenRenewal.due(expires.plusSeconds(1), Optional.of(ISSUED), expires)).isFalse();
  }
}
