package dev.primer.cpq.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A price book: the products an organisation sells, their options and list prices, and its discount
 * rules. The content of a {@code price-book} record.
 *
 * @param format {@value #FORMAT}
 * @param id the book's id (its record id)
 * @param name its name
 * @param currency ISO 4217, e.g. {@code USD}
 * @param maxLineDiscountPercent the most a line may be discounted in all, agreement included
 * @param products the products
 * @param discounts the discount rules, in the order they apply
 */
public record PriceBook(
    String format,
    String id,
    String name,
    String currency,
    BigDecimal maxLineDiscountPercent,
    List<Product> products,
    List<DiscountRule> discounts) {
  /** The format name and version this reader understands. */
  public static final String FORMAT = "primer.price-book/1";

  public PriceBook {
    format = Objects.requireNonNullElse(format, "");
    id = Objects.requireNonNullElse(id, "");
    name = Objects.requireNonNullElse(name, "");
    currency = Objects.requireNonNullElse(currency, "");
    maxLineDiscountPercent =
        Objects.requireNonNullElse(maxLineDiscountPercent, BigDecimal.valueOf(100));
    products = products == null ? List.of() : List.copyOf(products);
    discounts = discounts == null ? List.of() : List.copyOf(discounts);
  }

  /** The product with that SKU, if the book sells it. */
  public Optional<Product> product(String sku) {
    return products.stream().filter(p -> p.sku().equals(sku)).findFirst();
  }
}
