package dev.primer.cpq.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A product of a price book.
 *
 * @param sku its SKU, unique in the book
 * @param name its name on a quote
 * @param family the family rules name it by (e.g. {@code centrifugal-pump})
 * @param basePrice its list price with every option at no extra cost
 * @param options its configurable options
 */
public record Product(
    String sku, String name, String family, BigDecimal basePrice, List<ProductOption> options) {
  public Product {
    sku = Objects.requireNonNullElse(sku, "");
    name = Objects.requireNonNullElse(name, "");
    family = Objects.requireNonNullElse(family, "");
    basePrice = Objects.requireNonNullElse(basePrice, BigDecimal.ZERO);
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** The option of that name, if the product has it. */
  public Optional<ProductOption> option(String optionName) {
    return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
  }
}
