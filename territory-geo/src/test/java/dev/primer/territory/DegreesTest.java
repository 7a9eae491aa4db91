package dev.primer.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DegreesTest {
  @Test
  void dropsTrailingZeros() {
    assertThat(Degrees.format(10.0)).isEqualTo("10");
    assertThat(Degrees.format(-71.5)).isEqualTo("-71.5");
  }

  @Test
  void roundsToSevenDecimals() {
    assertThat(Degrees.format(-82.43149199999999)).isEqualTo("-82.431492");
    assertThat(Degrees.format(1.0 / 3)).isEqualTo("0.3333333");
  }

  @Test
  void printsTinyNegativeValuesAsPlainZero() {
    assertThat(Degrees.format(-0.00000001)).isEqualTo("0");
    assertThat(Degrees.format(-0.0)).isEqualTo("0");
  }

  @Test
  void keepsLeadingZerosOfTheFraction() {
    assertThat(Degrees.format(-0.0000123)).isEqualTo("-0.0000123");
  }
}
