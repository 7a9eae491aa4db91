package dev.primer.cpq.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * The valid combinations of some options of a product family, as a table: a line of the family is
 * valid only if its values of {@code columns} form one of {@code rows}.
 *
 * @param name the rule's name
 * @param family the product family it constrains
 * @param columns the option names, in row order
 * @param rows the valid combinations
 */
public record TableConstraint(
    String name, String family, List<String> columns, List<List<String>> rows) {
  public TableConstraint {
    name = Objects.requireNonNullElse(name, "");
    family = Objects.requireNonNullElse(family, "");
    columns = columns == null ? List.of() : List.copyOf(columns);
    rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
  }
}
