package dev.primer.cpq.catalogue;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One configurable option of a product.
 *
 * @param name the option's name, e.g. {@code motor}
 * @param defaultValue the value taken when the rep chooses none; empty when a choice is required
 * @param values each allowed value and what it adds to the product's list price, in the book's
 *     order
 */
public record ProductOption(String name, String defaultValue, Map<String, BigDecimal> values) {
  public ProductOption {
    name = Objects.requireNonNullElse(name, "");
    defaultValue = Objects.requireNonNullElse(defaultValue, "");
    values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The allowed values, as a rep reads them: {@code cast-iron | stainless | duplex}. */
  public String choices() {
    return String.join(" | ", values.keySet());
  }
}
