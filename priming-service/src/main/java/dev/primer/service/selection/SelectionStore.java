package dev.primer.service.selection;

import dev.primer.service.manifest.EntriesCodec;
import dev.primer.service.manifest.EntryLists;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Selections kept in PostgreSQL, so that precomputed ones survive a restart. */
@ApplicationScoped
public class SelectionStore {
  @Inject AgroalDataSource dataSource;
  @Inject EntryLists lists;

  /** The stored selection of a user for a day and budget, whatever its freshness. */
  public Optional<UserSelection> find(String userId, LocalDate day, long budget) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT s.model_id, s.data_version, s.selector, s.note, s.bytes, "
                    + EntryLists.entriesOf("s")
                    + ", s.not_fitted, s.expected_accesses, s.built_at, s.build_ms, s.content_hash"
                    + " FROM selections s WHERE s.user_id = ? AND s.day = ? AND s.budget = ?")) {
      s.setString(1, userId);
      s.setDate(2, Date.valueOf(day));
      s.setLong(3, budget);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Optional<byte[]> list = lists.orPending(rs.getString(11), rs.getBytes(6));
        if (list.isEmpty()) {
          // Its list was lost: as if it had never been stored, it is computed again.
          return Optional.empty();
        }
        byte[] stored = list.get();
        double expected = rs.getDouble(8);
        OptionalDouble expectedAccesses =
            rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(expected);
        UserSelection read =
            new UserSelection(
                userId,
                day,
                budget,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                EntriesCodec.decode(stored),
                List.of((String[]) rs.getArray(7).getArray()),
                expectedAccesses,
                rs.getTimestamp(9).toInstant(),
                rs.getLong(10),
                rs.getString(11),
                Optional.of(stored));
        return Optional.of(read);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read selection of " + userId, e);
    }
  }

  /**
   * Stores selections with their entry lists in one transaction, replacing older ones for the same
   * user, day and budget.
   */
  public void save(List<UserSelection> selections) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (UserSelection u : selections) {
          lists.store(c, u.contentHash(), u::storedForm);
        }
        saveRows(c, selections);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store selections", e);
    }
  }

  private static void saveRows(Connection c, List<UserSelection> selections) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO selections (user_id, day, budget, model_id, data_version, selector,"
                + " note, bytes, entries, not_fitted, expected_accesses, built_at, build_ms,"
                + " content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (user_id, day, budget) DO UPDATE SET"
                + " model_id = excluded.model_id, data_version = excluded.data_version,"
                + " selector = excluded.selector, note = excluded.note,"
                + " bytes = excluded.bytes, entries = NULL,"
                + " not_fitted = excluded.not_fitted,"
                + " expected_accesses = excluded.expected_accesses,"
                + " built_at = excluded.built_at, build_ms = excluded.build_ms,"
                + " content_hash = excluded.content_hash")) {
      for (UserSelection u : selections) {
        s.setString(1, u.userId());
        s.setDate(2, Date.valueOf(u.day()));
        s.setLong(3, u.budget());
        s.setString(4, u.modelId());
        s.setString(5, u.dataVersion());
        s.setString(6, u.selector());
        s.setString(7, u.note());
        s.setLong(8, u.bytes());
        s.setArray(9, c.createArrayOf("text", u.notFitted().toArray()));
        if (u.expectedAccesses().isPresent()) {
          s.setDouble(10, u.expectedAccesses().getAsDouble());
        } else {
          s.setNull(10, java.sql.Types.DOUBLE);
        }
        s.setTimestamp(11, Timestamp.from(u.builtAt()));
        s.setLong(12, u.buildMs());
        s.setString(13, u.contentHash());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Deletes the selections of days before {@code day} (no device asks for a past day again), then
   * the entry lists nothing refers to any more; returns how many selections.
   */
  /** Stores only the selection's entry list (device generations refer to it), not its row. */
  public void saveEntryList(UserSelection u) {
    try (Connection c = dataSource.getConnection()) {
      lists.store(c, u.contentHash(), u::storedForm);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store an entry list", e);
    }
  }

  /** How many budgets other than {@code budget} have a stored selection of the user's day. */
  public int otherBudgetsStored(String userId, LocalDate day, long budget) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM selections WHERE user_id = ? AND day = ? AND budget <> ?")) {
      s.setString(1, userId);
      s.setDate(2, Date.valueOf(day));
      s.setLong(3, budget);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count stored selections", e);
    }
  }

  public int pruneBefore(LocalDate day) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM selections WHERE day < ?")) {
      s.setDate(1, Date.valueOf(day));
      int deleted = s.executeUpdate();
      lists.prune(c);
      return deleted;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete past selections", e);
    }
  }
}
