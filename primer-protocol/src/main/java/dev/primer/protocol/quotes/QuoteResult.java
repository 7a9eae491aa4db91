package dev.primer.protocol.quotes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A quote as the rules priced it: whether the configuration is valid, each violated rule, the lines
 * and the totals.
 *
 * @param valid whether no rule is violated
 * @param violations each violated rule, with its fix
 * @param lines the priced lines (lines whose product is unknown are left out)
 * @param listTotal the sum of the lines' list amounts
 * @param subtotal the sum of the lines' net amounts
 * @param orderDiscounts the discounts on the whole quote, in the order applied
 * @param total the subtotal less the order discounts
 * @param currency the price book's currency (ISO 4217)
 */
public record QuoteResult(
    boolean valid,
    List<RuleViolation> violations,
    List<QuoteLine> lines,
    BigDecimal listTotal,
    BigDecimal subtotal,
    List<AppliedDiscount> orderDiscounts,
    BigDecimal total,
    String currency) {
  public QuoteResult {
    violations = violations == null ? List.of() : List.copyOf(violations);
    lines = lines == null ? List.of() : List.copyOf(lines);
    listTotal = Objects.requireNonNullElse(listTotal, BigDecimal.ZERO);
    subtotal = Objects.requireNonNullElse(subtotal, BigDecimal.ZERO);
    orderDiscounts = orderDiscounts == null ? List.of() : List.copyOf(orderDiscounts);
    total = Objects.requireNonNullElse(total, BigDecimal.ZERO);
    currency = Objects.requireNonNullElse(currency, "");
  }
}
