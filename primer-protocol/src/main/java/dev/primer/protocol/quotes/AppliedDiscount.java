package dev.primer.protocol.quotes;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A discount as it was applied.
 *
 * @param name the discount's name (the account's agreement, or a rule of the price book)
 * @param percent its rate in percent
 * @param amount what it took off, in the quote's currency, rounded to cents
 */
public record AppliedDiscount(String name, BigDecimal percent, BigDecimal amount) {
  public AppliedDiscount {
    name = Objects.requireNonNullElse(name, "");
    percent = Objects.requireNonNullElse(percent, BigDecimal.ZERO);
    amount = Objects.requireNonNullElse(amount, BigDecimal.ZERO);
  }
}
