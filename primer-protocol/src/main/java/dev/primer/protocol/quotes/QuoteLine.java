package dev.primer.protocol.quotes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One priced line of a quote.
 *
 * @param number the line's number, from 1
 * @param sku the product
 * @param name the product's name in the price book
 * @param quantity how many
 * @param options the option values priced, defaults included
 * @param unitPrice the list price of one, options included
 * @param listAmount unit price times quantity
 * @param discounts the line's discounts, in the order applied
 * @param netAmount the list amount less the line's discounts
 */
public record QuoteLine(
    int number,
    String sku,
    String name,
    long quantity,
    Map<String, String> options,
    BigDecimal unitPrice,
    BigDecimal listAmount,
    List<AppliedDiscount> discounts,
    BigDecimal netAmount) {
  public QuoteLine {
    sku = Objects.requireNonNullElse(sku, "");
    name = Objects.requireNonNullElse(name, "");
    options =
        options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    unitPrice = Objects.requireNonNullElse(unitPrice, BigDecimal.ZERO);
    listAmount = Objects.requireNonNullElse(listAmount, BigDecimal.ZERO);
    discounts = discounts == null ? List.of() : List.copyOf(discounts);
    netAmount = Objects.requireNonNullElse(netAmount, BigDecimal.ZERO);
  }
}
