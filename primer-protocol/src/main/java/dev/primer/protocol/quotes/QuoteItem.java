package dev.primer.protocol.quotes;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One product a rep adds to a quote, as asked.
 *
 * @param sku the product's SKU in the price book
 * @param quantity how many, at least 1
 * @param options the chosen option values by option name (sorted, so equal items write equal JSON)
 */
public record QuoteItem(String sku, long quantity, Map<String, String> options) {
  public QuoteItem {
    sku = Objects.requireNonNullElse(sku, "");
    options =
        options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }
}
