package dev.primer.service.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Creates the test database (PRIMER_TEST_DB_URL, default primer_test) on the real local PostgreSQL
 * before Quarkus starts, so that a fresh machine needs no manual step. Flyway then empties and
 * migrates it.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {
  /** The JDBC URL the %test profile uses. */
  public static String url() {
    String url = System.getenv("PRIMER_TEST_DB_URL");
    return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/primer_test" : url;
  }

  @Override
  public Map<String, String> start() {
    String url = url();
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    String name = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    String server = url.substring(0, slash) + "/postgres";
    try (Connection c = DriverManager.getConnection(server, user(), password());
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the test database " + name + " at " + server, e);
    }
    return Map.of();
  }

  @Override
  public void stop() {}

  private static String user() {
    String user = System.getenv("PRIMER_DB_USER");
    return user == null ? "postgres" : user;
  }

  private static String password() {
    String password = System.getenv("PRIMER_DB_PASSWORD");
    return password == null ? "" : password;
  }
}
