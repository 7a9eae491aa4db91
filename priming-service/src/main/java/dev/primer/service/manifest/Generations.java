package dev.primer.service.manifest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Manifest generations per device: a new number for each distinct content, the same number while
 * the content stays the same. Keeps the newest few for deltas and the newest one, in memory, for
 * access checks.
 */
@ApplicationScoped
public class Generations {
  @Inject AgroalDataSource dataSource;
  @Inject ManifestConfig config;

  private final Map<String, CurrentManifest> current = new ConcurrentHashMap<>();

  /** A stored generation. */
  public record Stored(long generation, Instant builtAt, List<ManifestEntry> entries) {}

  /**
   * The generation of {@code content} for the device: the newest one if it has the same content,
   * else a new one. {@code hash} is {@code content.hash(EntriesCodec.pack(content.entries()))},
   * {@code storedEntries} is {@code EntriesCodec.encode(content.entries())}. Serialised per device
   * by a row lock on the device, whose last budget it records.
   */
  public long resolve(
      String deviceId,
      ManifestContent content,
      String hash,
      byte[] storedEntries,
      Instant builtAt) {
    CurrentManifest known = current.get(deviceId);
    if (known != null && known.contentHash().equals(hash)) {
      return known.generation();
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // Locks the device row and remembers the budget (the nightly precompute builds for it) in
        // one statement; the budget is part of the content, so an unchanged content is an
        // unchanged budget and the shortcut above skips nothing.
        try (PreparedStatement lock =
            c.prepareStatement("UPDATE devices SET last_budget = ? WHERE id = ?")) {
          lock.setLong(1, content.budget());
          lock.setString(2, deviceId);
          lock.executeUpdate();
        }
        long newest = 0;
        String newestHash = "";
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT generation, content_hash FROM manifest_generations WHERE device_id = ?"
                    + " ORDER BY generation DESC LIMIT 1")) {
          s.setString(1, deviceId);
          try (ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
              newest = rs.getLong(1);
              newestHash = rs.getString(2);
            }
          }
        }
        long generation = newest;
        if (!newestHash.equals(hash)) {
          generation = newest + 1;
          insert(c, deviceId, generation, hash, content, storedEntries, builtAt);
          try (PreparedStatement prune =
              c.prepareStatement(
                  "DELETE FROM manifest_generations WHERE device_id = ? AND generation <= ?")) {
            prune.setString(1, deviceId);
            prune.setLong(2, generation - config.keptGenerations());
            prune.executeUpdate();
          }
        }
        c.commit();
        current.put(deviceId, CurrentManifest.of(generation, hash, content.entries()));
        return generation;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store manifest generation of " + deviceId, e);
    }
  }

  private static void insert(
      Connection c,
      String deviceId,
      long generation,
      String hash,
      ManifestContent content,
      byte[] storedEntries,
      Instant builtAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO manifest_generations (device_id, generation, content_hash, day,"
                + " model_id, selector, note, budget, bytes, built_at, entries, not_fitted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, deviceId);
      s.setLong(2, generation);
      s.setString(3, hash);
      s.setDate(4, Date.valueOf(content.day()));
      s.setString(5, content.modelId());
      s.setString(6, content.selector());
      s.setString(7, content.note());
      s.setLong(8, content.budget());
      s.setLong(9, content.bytes());
      s.setTimestamp(10, Timestamp.from(builtAt));
      s.setBytes(11, storedEntries);
      s.setArray(12, c.createArrayOf("text", content.notFitted().toArray()));
      s.executeUpdate();
    }
  }

  /** A kept generation of the device, when it is still kept. */
  public Optional<Stored> find(String deviceId, long generation) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT built_at, entries FROM manifest_generations"
                    + " WHERE device_id = ? AND generation = ?")) {
      s.setString(1, deviceId);
      s.setLong(2, generation);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Stored(
                generation, rs.getTimestamp(1).toInstant(), EntriesCodec.decode(rs.getBytes(2))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read manifest generation of " + deviceId, e);
    }
  }

  /** What the device holds now: its newest generation (nothing before its first manifest). */
  public CurrentManifest current(String deviceId) {
    CurrentManifest known = current.get(deviceId);
    if (known != null) {
      return known;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT generation, content_hash, entries FROM manifest_generations"
                    + " WHERE device_id = ? ORDER BY generation DESC LIMIT 1")) {
      s.setString(1, deviceId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return CurrentManifest.none();
        }
        CurrentManifest loaded =
            CurrentManifest.of(rs.getLong(1), rs.getString(2), EntriesCodec.decode(rs.getBytes(3)));
        current.put(deviceId, loaded);
        return loaded;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read manifest generation of " + deviceId, e);
    }
  }
}
