package dev.primer.service.budget;

import dev.primer.core.dataset.UserRole;
import dev.primer.protocol.ByteSizes;
import dev.primer.protocol.admin.DeviceBudgets;
import dev.primer.service.manifest.ManifestConfig;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.snapshot.Snapshots;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The device budgets admins set per role and per rep, and the budget a device is served under them.
 */
@ApplicationScoped
public class BudgetService {
  /**
   * How long a replica serves the budgets it read last: a change made through another replica is in
   * effect everywhere within this time (one through this one at once).
   */
  static final Duration REREAD_AFTER = Duration.ofSeconds(5);

  /** Where a budget applies. */
  public enum Scope {
    ROLE("role"),
    USER("user");

    private final String column;

    Scope(String column) {
      this.column = column;
    }
  }

  @Inject AgroalDataSource db;
  @Inject Clock clock;
  @Inject Snapshots snapshots;
  @Inject ManifestConfig manifests;

  private record Read(long atNanos, DeviceBudgets budgets) {}

  private final AtomicReference<Read> last = new AtomicReference<>();

  /** Every budget set. */
  public DeviceBudgets all() {
    Read known = last.get();
    if (known != null && System.nanoTime() - known.atNanos() < REREAD_AFTER.toNanos()) {
      return known.budgets();
    }
    return reread();
  }

  /** What a device of {@code userId} (of {@code role}) asking for {@code asked} bytes is served. */
  public long served(String userId, String role, long asked) {
    return all().served(userId, role, asked);
  }

  /**
   * Sets the budget of a role or rep; an unknown role or rep is a 404, bytes outside 1..max-budget
   * a 400.
   */
  public DeviceBudgets set(Scope scope, String subject, long bytes, String by) {
    requireKnown(scope, subject);
    if (bytes <= 0 || bytes > manifests.maxBudget()) {
      throw ProblemException.badRequest(
          "invalid-budget",
          "bytes",
          "must be 1.."
              + manifests.maxBudget()
              + " bytes ("
              + ByteSizes.human(manifests.maxBudget())
              + ", primer.manifest.max-budget), was "
              + bytes);
    }
    update(
        "INSERT INTO device_budgets (scope, subject, bytes, set_by, set_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (scope, subject) DO UPDATE SET bytes = excluded.bytes,"
            + " set_by = excluded.set_by, set_at = excluded.set_at",
        scope.column,
        subject,
        bytes,
        by,
        Timestamp.from(clock.instant()));
    return reread();
  }

  /** Removes the budget of a role or rep (their devices get what they ask for again). */
  public DeviceBudgets clear(Scope scope, String subject) {
    requireKnown(scope, subject);
    update("DELETE FROM device_budgets WHERE scope = ? AND subject = ?", scope.column, subject);
    return reread();
  }

  private void requireKnown(Scope scope, String subject) {
    if (scope == Scope.USER) {
      snapshots.refreshIfChanged().knownUser(subject);
      return;
    }
    try {
      UserRole.fromWireName(subject);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(404, "unknown-role", "Unknown role", e.getMessage());
    }
  }

  private DeviceBudgets reread() {
    long at = System.nanoTime();
    Map<String, Long> roles = new HashMap<>();
    Map<String, Long> users = new HashMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT scope, subject, bytes FROM device_budgets");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        (Scope.ROLE.column.equals(rs.getString(1)) ? roles : users)
            .put(rs.getString(2), rs.getLong(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the device budgets", e);
    }
    DeviceBudgets budgets = new DeviceBudgets(roles, users);
    last.set(new Read(at, budgets));
    return budgets;
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the device budget", e);
    }
  }
}
