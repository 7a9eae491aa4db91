package dev.primer.service.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.protocol.quotes.RuleViolation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotePricingTest {
  static QuoteResult result(boolean valid, String total, String currency, String... rules) {
    return new QuoteResult(
        valid,
        java.util.Arrays.stream(rules)
            .map(r -> new RuleViolation(r, 1, r + " broken", ""))
            .toList(),
        List.of(),
        new BigDecimal(total),
        new BigDecimal(total),
        List.of(),
        new BigDecimal(total),
        currency);
  }

  @Test
  void totalsWithinACentAgreeAndBeyondItDiffer() {
    assertThat(
            QuotePricing.difference(result(true, "100.00", "USD"), result(true, "100.01", "USD")))
        .isEmpty();
    assertThat(
            QuotePricing.difference(result(true, "100.00", "USD"), result(true, "100.02", "USD")))
        .contains("the service prices this quote at USD 100.02, the device at USD 100.00");
    assertThat(
            QuotePricing.difference(result(true, "100.00", "USD"), result(true, "100.00", "EUR")))
        .isPresent();
  }

  @Test
  void validityOrTheViolatedRulesDifferingIsADifferenceWhateverTheTotal() {
    assertThat(QuotePricing.difference(result(true, "5", "USD"), result(false, "5", "USD", "t1")))
        .contains("the service finds the configuration invalid: t1 (t1 broken)");
    assertThat(QuotePricing.difference(result(false, "5", "USD", "t1"), result(true, "5", "USD")))
        .contains("the device found the configuration invalid, the service valid");
    assertThat(
            QuotePricing.difference(
                result(false, "5", "USD", "t1"), result(false, "5", "USD", "t1", "t2")))
        .contains("violated rules differ: device [t1], service [t1, t2]");
  }
}
