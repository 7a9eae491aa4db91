package dev.primer.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The local PostgreSQL the drills run on, driven through psql and pg_ctlcluster. */
final class Postgres {
  private static final String HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
  private static final String PORT = System.getenv().getOrDefault("PGPORT", "5432");

  private Postgres() {}

  static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + suffixed(database);
  }

  /** PRIMER_TEST_DB_SUFFIX keeps parallel checkouts (worktrees) off each other's databases. */
  private static String suffixed(String database) {
    String suffix = System.getenv().getOrDefault("PRIMER_TEST_DB_SUFFIX", "");
    return database.endsWith(suffix) ? database : database + suffix;
  }

  /** Drops {@code database} (closing its connections) and creates it empty. */
  static void recreate(String database) {
    database = suffixed(database);
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    psql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    psql("postgres", "CREATE DATABASE " + database);
  }

  /** Runs one SQL statement and returns its unaligned, tuples-only output. */
  static String psql(String database, String sql) {
    return run(
        List.of(
            "psql",
            "-X",
            "-q",
            "-At",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            HOST,
            "-p",
            PORT,
            "-U",
            "postgres",
            "-d",
            database.equals("postgres") ? database : suffixed(database),
            "-c",
            sql));
  }

  /** Restarts the local cluster, as an operator or a crash-and-recover would. */
  static void restartCluster() {
    String version = run(List.of("bash", "-c", "ls /etc/postgresql | sort -V | tail -n 1")).trim();
    run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"));
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out.trim());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
