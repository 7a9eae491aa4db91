package dev.primer.service.selection;

import dev.primer.service.manifest.EntriesCodec;
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

  /** The stored selection of a user for a day and budget, whatever its freshness. */
  public Optional<UserSelection> find(String userId, LocalDate day, long budget) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT model_id, data_version, selector, note, bytes, entries, not_fitted,"
                    + " expected_accesses, built_at, build_ms, content_hash FROM selections"
                    + " WHERE user_id = ? AND day = ? AND budget = ?")) {
      s.setString(1, userId);
      s.setDate(2, Date.valueOf(day));
      s.setLong(3, budget);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        byte[] stored = rs.getBytes(6);
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
                stored);
        return Optional.of(read);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read selection of " + userId, e);
    }
  }

  /** Stores selections, replacing older ones for the same user, day and budget. */
  public void save(List<UserSelection> selections) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO selections (user_id, day, budget, model_id, data_version, selector,"
                    + " note, bytes, entries, not_fitted, expected_accesses, built_at, build_ms,"
                    + " content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (user_id, day, budget) DO UPDATE SET"
                    + " model_id = excluded.model_id, data_version = excluded.data_version,"
                    + " selector = excluded.selector, note = excluded.note,"
                    + " bytes = excluded.bytes, entries = excluded.entries,"
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
        s.setBytes(9, u.storedEntries());
        s.setArray(10, c.createArrayOf("text", u.notFitted().toArray()));
        if (u.expectedAccesses().isPresent()) {
          s.setDouble(11, u.expectedAccesses().getAsDouble());
        } else {
          s.setNull(11, java.sql.Types.DOUBLE);
        }
        s.setTimestamp(12, Timestamp.from(u.builtAt()));
        s.setLong(13, u.buildMs());
        s.setString(14, u.contentHash());
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store selections", e);
    }
  }

  /** Deletes the selections of days before {@code day}: no device asks for a past day again. */
  public int pruneBefore(LocalDate day) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM selections WHERE day < ?")) {
      s.setDate(1, Date.valueOf(day));
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete past selections", e);
    }
  }
}
