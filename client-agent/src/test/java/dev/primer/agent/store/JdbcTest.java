package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTest {
  @TempDir Path dir;

  @Test
  void aTransactionThatFailsLeavesNothingBehindAndTheConnectionInAutoCommit() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
      Jdbc jdbc = new Jdbc(db);
      try (Statement s = db.createStatement()) {
        s.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
      }

      assertThatThrownBy(
              () ->
                  jdbc.inTransaction(
                      () -> {
                        try (Statement s = jdbc.statement()) {
                          s.execute("INSERT INTO t VALUES (1)");
                          s.execute("INSERT INTO t VALUES (1)"); // a duplicate key
                        }
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("store write failed");

      assertThat(jdbc.queryLong("SELECT count(*) FROM t")).isZero();
      assertThat(db.getAutoCommit()).isTrue();
      jdbc.inTransaction(
          () -> {
            try (Statement s = jdbc.statement()) {
              s.execute("INSERT INTO t VALUES (2)");
            }
          });
      assertThat(jdbc.query("SELECT v FROM t", List.of(), rs -> rs.getLong(1))).containsExactly(2L);
    }
  }

  @Test
  void anErrorInAWriteTransactionRollsItBackSoTheNextOneCanBegin() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
      Jdbc jdbc = new Jdbc(db);
      try (Statement s = db.createStatement()) {
        s.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
      }

      assertThatThrownBy(
              () ->
                  jdbc.inWriteTransaction(
                      () -> {
                        try (Statement s = jdbc.statement()) {
                          s.execute("INSERT INTO t VALUES (1)");
                        }
                        throw new OutOfMemoryError("the heap ran out mid-transaction");
                      }))
          .isInstanceOf(OutOfMemoryError.class);

      assertThat(jdbc.queryLong("SELECT count(*) FROM t")).isZero();
      jdbc.inWriteTransaction(
          () -> {
            try (Statement s = jdbc.statement()) {
              s.execute("INSERT INTO t VALUES (2)");
            }
          });
      assertThat(jdbc.query("SELECT v FROM t", List.of(), rs -> rs.getLong(1))).containsExactly(2L);
    }
  }
}
