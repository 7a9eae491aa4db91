package dev.primer.service.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Column arrays for {@code unnest(...)}: one statement stores a whole batch. */
public final class Sql {
  private Sql() {}

  public static <T> Array text(Connection c, List<T> rows, Function<T, String> column)
      throws SQLException {
    return c.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
  }

  public static <T> Array int8(Connection c, List<T> rows, Function<T, Long> column)
      throws SQLException {
    return c.createArrayOf("int8", rows.stream().map(column).toArray(Long[]::new));
  }

  public static <T> Array float8(Connection c, List<T> rows, Function<T, Double> column)
      throws SQLException {
    return c.createArrayOf("float8", rows.stream().map(column).toArray(Double[]::new));
  }

  public static <T> Array timestamptz(Connection c, List<T> rows, Function<T, Instant> column)
      throws SQLException {
    return c.createArrayOf(
        "timestamptz", rows.stream().map(r -> Timestamp.from(column.apply(r))).toArray());
  }
}
