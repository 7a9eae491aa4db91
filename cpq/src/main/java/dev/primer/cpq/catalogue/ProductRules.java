package dev.primer.cpq.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * The configuration rules of a price book's products. The content of a {@code product-rules}
 * record.
 *
 * @param format {@value #FORMAT}
 * @param id the rules' id (their record id)
 * @param priceBookId the price book they go with
 * @param tables the valid combinations of options, per product family
 * @param requires products that need others
 * @param excludes products that cannot be sold together
 * @param validations other conditions, in CEL
 */
public record ProductRules(
    String format,
    String id,
    String priceBookId,
    List<TableConstraint> tables,
    List<Requirement> requires,
    List<Exclusion> excludes,
    List<Validation> validations) {
  /** The format name and version this reader understands. */
  public static final String FORMAT = "primer.product-rules/1";

  public ProductRules {
    format = Objects.requireNonNullElse(format, "");
    id = Objects.requireNonNullElse(id, "");
    priceBookId = Objects.requireNonNullElse(priceBookId, "");
    tables = tables == null ? List.of() : List.copyOf(tables);
    requires = requires == null ? List.of() : List.copyOf(requires);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
    validations = validations == null ? List.of() : List.copyOf(validations);
  }
}
