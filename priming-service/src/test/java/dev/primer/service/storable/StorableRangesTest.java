package dev.primer.service.storable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The ranges of the storable values, at their edges. */
class StorableRangesTest {
  @Test
  void timesAreAcceptedFrom1900UpToButExcludingTheYear10000() {
    assertThat(StorableInstant.problem(Instant.parse("1900-01-01T00:00:00Z"))).isEmpty();
    assertThat(StorableInstant.problem(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isEmpty();
    assertThat(StorableInstant.problem(Instant.parse("1899-12-31T23:59:59Z"))).isPresent();
    assertThat(StorableInstant.problem(Instant.parse("+10000-01-01T00:00:00Z")))
        .contains("must be within years 1900..9999 (UTC), was year 10000");
    assertThat(StorableInstant.problem(Instant.MIN)).isPresent();
    assertThat(StorableInstant.problem(OffsetDateTime.parse("1900-01-01T00:30:00+01:00")))
        .isPresent();
  }

  @Test
  void versionsStopAtTwoToTheFiftyThirdMinusOneAndSizesAtOneTebibyte() {
    assertThat(StorableNumber.versionProblem(1)).isEmpty();
    assertThat(StorableNumber.versionProblem((1L << 53) - 1)).isEmpty();
    assertThat(StorableNumber.versionProblem(1L << 53)).isPresent();
    assertThat(StorableNumber.versionProblem(Long.MAX_VALUE)).isPresent();
    assertThat(StorableNumber.versionProblem(0)).isPresent();
    assertThat(StorableNumber.sizeProblem(1L << 40)).isEmpty();
    assertThat(StorableNumber.sizeProblem((1L << 40) + 1)).isPresent();
  }

  @Test
  void textRefusesNulAndOverLongValues() {
    assertThat(StorableText.problem("fine", 4)).isEmpty();
    assertThat(StorableText.problem("a\0b", 10))
        .contains("contains U+0000, which no text field may hold");
    assertThat(StorableText.problem("12345", 4))
        .contains("is 5 characters long, more than the 4 allowed");
  }
}
