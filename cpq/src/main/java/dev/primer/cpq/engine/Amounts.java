package dev.primer.cpq.engine;

import java.math.BigDecimal;
import java.util.Locale;

/** How amounts and rates of a quote are written for people: on screen, on paper, in receipts. */
public final class Amounts {
  private Amounts() {}

  /** An amount with grouping and cents: {@code 12,345.60}. */
  public static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }

  /** A rate in percent without trailing zeros: {@code 7.5}. */
  public static String percent(BigDecimal rate) {
    return rate.stripTrailingZeros().toPlainString();
  }
}
