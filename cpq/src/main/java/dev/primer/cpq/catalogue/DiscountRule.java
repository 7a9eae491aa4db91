package dev.primer.cpq.catalogue;

import java.util.Objects;

/**
 * A discount of a price book: a CEL expression giving the rate in percent (0 when it does not
 * apply).
 *
 * @param name the discount's name on a quote
 * @param scope {@value #LINE} (evaluated per line, over {@code line}, {@code quote} and {@code
 *     account}) or {@value #QUOTE} (once, on the subtotal, over {@code quote} and {@code account})
 * @param percent the CEL expression, e.g. {@code line.quantity >= 10 ? 5.0 : 0.0}
 */
public record DiscountRule(String name, String scope, String percent) {
  /** Scope of a discount on each line. */
  public static final String LINE = "line";

  /** Scope of a discount on the whole quote. */
  public static final String QUOTE = "quote";

  public DiscountRule {
    name = Objects.requireNonNullElse(name, "");
    scope = Objects.requireNonNullElse(scope, LINE);
    percent = Objects.requireNonNullElse(percent, "");
  }
}
