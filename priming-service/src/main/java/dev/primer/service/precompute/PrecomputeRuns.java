package dev.primer.service.precompute;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Precompute runs and their per-user progress in PostgreSQL, so a restart resumes a run. A run's
 * own row is a Panache entity ({@link PrecomputeRun}); the progress rows stay plain JDBC: thousands
 * inserted at once with ON CONFLICT DO NOTHING, and the status is one aggregate over them.
 */
@ApplicationScoped
public class PrecomputeRuns {
  @Inject AgroalDataSource dataSource;

  /** Creates a run with one pending row per user. */
  public long create(String trigger, List<String> users, Instant now) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              PrecomputeRun run = new PrecomputeRun();
              run.trigger = trigger;
              run.startedAt = now;
              run.persist();
              // The connection joins the transaction, so the run and its users commit together.
              addUsers(run.id, users);
              return run.id;
            });
  }

  /** Adds pending rows for {@code users} to a run. */
  public void addUsers(long runId, List<String> users) {
    try (Connection c = dataSource.getConnection()) {
      addUsers(c, runId, users);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add users to precompute run " + runId, e);
    }
  }

  private static void addUsers(Connection c, long runId, List<String> users) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO precompute_progress (run_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      for (String u : users) {
        s.setLong(1, runId);
        s.setString(2, u);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The newest run that has not finished, if any. */
  public OptionalLong unfinished() {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                PrecomputeRun.<PrecomputeRun>find("finishedAt is null order by id desc")
                    .firstResultOptional()
                    .map(r -> OptionalLong.of(r.id))
                    .orElse(OptionalLong.empty()));
  }

  /** The users of a run that are not done yet. */
  public List<String> pending(long runId) {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT user_id FROM precompute_progress WHERE run_id = ? AND done_at IS NULL"
                    + " ORDER BY user_id")) {
      s.setLong(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read precompute progress", e);
    }
  }

  /** Marks a user of a run done, with the time it took or the error that stopped it. */
  public void done(long runId, String userId, long ms, Optional<String> error, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE precompute_progress SET done_at = ?, build_ms = ?, error = ?"
                    + " WHERE run_id = ? AND user_id = ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setLong(2, ms);
      s.setString(3, error.orElse(null));
      s.setLong(4, runId);
      s.setString(5, userId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record precompute progress", e);
    }
  }

  /** Marks a run finished. */
  public void finish(long runId, Instant now) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              PrecomputeRun run = PrecomputeRun.findById(runId);
              if (run == null) {
                throw new IllegalStateException("no precompute run " + runId);
              }
              run.finishedAt = now;
            });
  }

  /** The budgets each user's devices last asked for (users without devices are absent). */
  public Map<String, List<Long>> budgetsByUser() {
    Map<String, List<Long>> out = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT DISTINCT user_id, last_budget FROM devices WHERE last_budget IS NOT NULL"
                    + " ORDER BY user_id, last_budget");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read device budgets", e);
    }
  }

  /** The newest run's progress. */
  public PrecomputeStatus status(Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT r.id, r.trigger, r.started_at, r.finished_at, count(p.user_id),"
                    + " count(p.done_at), count(p.error), avg(p.build_ms)"
                    + " FROM precompute_runs r LEFT JOIN precompute_progress p ON p.run_id = r.id"
                    + " GROUP BY r.id ORDER BY r.id DESC LIMIT 1");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return PrecomputeStatus.none();
      }
      Instant started = rs.getTimestamp(3).toInstant();
      Timestamp finished = rs.getTimestamp(4);
      double mean = rs.getDouble(8);
      Double meanMs = rs.wasNull() ? null : mean;
      Instant end = finished == null ? now : finished.toInstant();
      return new PrecomputeStatus(
          finished == null ? "running" : "finished",
          rs.getLong(1),
          rs.getString(2),
          started,
          finished == null ? null : finished.toInstant(),
          rs.getInt(5),
          rs.getInt(6),
          rs.getInt(7),
          Math.max(0, end.toEpochMilli() - started.toEpochMilli()),
          meanMs);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read precompute progress", e);
    }
  }
}
