package dev.primer.agent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The store's {@code meta} table: generation pointers, completeness, the key check, sync times. */
final class StoreMeta {
  private final Jdbc jdbc;

  StoreMeta(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** All meta values. */
  Map<String, String> all() {
    Map<String, String> meta = new LinkedHashMap<>();
    try (Statement s = jdbc.statement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
      return meta;
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's meta data", e);
    }
  }

  /** Sets meta values in one transaction. */
  void put(Map<String, String> values) {
    jdbc.inTransaction(() -> putInTransaction(values));
  }

  /** The value of {@code key} read inside the caller's transaction; null when unset. */
  @org.jspecify.annotations.Nullable
  String getInTransaction(String key) throws SQLException {
    try (PreparedStatement p = jdbc.prepare("SELECT value FROM meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Sets meta values inside the caller's transaction. */
  void putInTransaction(Map<String, String> values) throws SQLException {
    try (PreparedStatement p =
        jdbc.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        p.setString(1, e.getKey());
        p.setString(2, e.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
