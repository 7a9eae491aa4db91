package dev.primer.service.imports;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** Column arrays for {@code unnest(...)}: one statement stores a whole batch. */
final class Sql {
  private Sql() {}

  static <T> Array text(Connection c, List<T> rows, Function<T, String> column)
      throws SQLException {
    return c.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
  }

  static <T> Array int8(Connection c, List<T> rows, Function<T, Long> column) throws SQLException {
    return c.createArrayOf("int8", rows.stream().map(column).toArray(Long[]::new));
  }

  static <T> Array float8(Connection c, List<T> rows, Function<T, Double> column)
      throws SQLException {
    return c.createArrayOf("float8", rows.stream().map(column).toArray(Double[]::new));
  }
}
