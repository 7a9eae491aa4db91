package dev.primer.cpq.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * An exclude rule: a quote holding product {@code sku} may hold none of {@code excludes}.
 *
 * @param name the rule's name
 * @param sku the product
 * @param excludes the products it cannot be sold with
 * @param message why, in words a rep understands
 */
public record Exclusion(String name, String sku, List<String> excludes, String message) {
  public Exclusion {
    name = Objects.requireNonNullElse(name, "");
    sku = Objects.requireNonNullElse(sku, "");
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
    message = Objects.requireNonNullElse(message, "");
  }
}
