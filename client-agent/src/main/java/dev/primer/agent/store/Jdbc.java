package dev.primer.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The store's one connection, with what every part of the store does on it: write, query. */
final class Jdbc {
  /** Work inside a transaction. */
  @FunctionalInterface
  interface Work {
    void run() throws SQLException;
  }

  /** Work inside a transaction that yields what it found or did. */
  @FunctionalInterface
  interface Yielding<T> {
    T run() throws SQLException;
  }

  /** Maps one row. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection db;

  Jdbc(Connection db) {
    this.db = db;
  }

  /** A statement for the caller to close. */
  Statement statement() throws SQLException {
    return db.createStatement();
  }

  /** A prepared statement for the caller to close. */
  PreparedStatement prepare(String sql) throws SQLException {
    return db.prepareStatement(sql);
  }

  /** Runs {@code work} in one transaction: all of it commits, or none of it. */
  void inTransaction(Work work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (Throwable e) {
        // Any Throwable: an OutOfMemoryError in the work must not leave the transaction open.
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("store write failed", e);
    }
  }

  /**
   * Runs {@code work} in one transaction that takes the write lock first ({@code BEGIN IMMEDIATE}):
   * work that reads, then writes what it read (the next sequence number, an operation's state),
   * neither sees another writer's commit slip in between nor fails to upgrade its read lock; a
   * second process waits its turn (the busy timeout).
   */
  void inWriteTransaction(Work work) {
    try {
      writeTransaction(
          db,
          () -> {
            work.run();
            return Boolean.TRUE;
          });
    } catch (SQLException e) {
      throw new StoreException("store write failed", e);
    }
  }

  /**
   * Runs {@code work} on {@code db} between {@code BEGIN IMMEDIATE} and {@code COMMIT}, rolled back
   * on any Throwable: an Error thrown mid-transaction (an OutOfMemoryError under load) would
   * otherwise leave it open, and every later {@code BEGIN} on that connection would fail with
   * "cannot start a transaction within a transaction".
   */
  static <T> T writeTransaction(Connection db, Yielding<T> work) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      T result;
      try {
        result = work.run();
        s.execute("COMMIT");
      } catch (Throwable e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      return result;
    }
  }

  /** The rows of {@code sql} with {@code args} bound in order, each mapped. */
  <T> List<T> query(String sql, List<Object> args, RowMapper<T> mapper) {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("store read failed", e);
    }
  }

  /** The one number {@code sql} yields. */
  long queryLong(String sql) {
    return query(sql, List.of(), rs -> rs.getLong(1)).get(0);
  }
}
