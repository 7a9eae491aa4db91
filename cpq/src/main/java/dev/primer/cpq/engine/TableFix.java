package dev.primer.cpq.engine;

import dev.primer.cpq.catalogue.TableConstraint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What would make a combination a table allows: for each column, the values that, with every other
 * choice kept, give a valid row. When no single change helps, the first valid rows.
 */
final class TableFix {
  private TableFix() {}

  static String describe(TableConstraint table, List<String> values) {
    List<String> fixes = new ArrayList<>();
    for (int col = 0; col < table.columns().size(); col++) {
      Set<String> alternatives = new LinkedHashSet<>();
      for (List<String> row : table.rows()) {
        if (matchesExcept(row, values, col)) {
          alternatives.add(row.get(col));
        }
      }
      if (!alternatives.isEmpty()) {
        fixes.add(table.columns().get(col) + " to " + String.join(" or ", alternatives));
      }
    }
    if (!fixes.isEmpty()) {
      return "change " + String.join("; or ", fixes);
    }
    List<String> examples = new ArrayList<>();
    for (List<String> row : table.rows().subList(0, Math.min(3, table.rows().size()))) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        parts.add(table.columns().get(i) + "=" + row.get(i));
      }
      examples.add(String.join(", ", parts));
    }
    return examples.isEmpty()
        ? "the table allows no combination: ask the back office"
        : "choose a valid combination, e.g. " + String.join("; ", examples);
  }

  private static boolean matchesExcept(List<String> row, List<String> values, int except) {
    for (int i = 0; i < row.size(); i++) {
      if (i != except && !row.get(i).equals(values.get(i))) {
        return false;
      }
    }
    return true;
  }
}
