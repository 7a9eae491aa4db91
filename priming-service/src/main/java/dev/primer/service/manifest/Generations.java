package dev.primer.service.manifest;

import dev.primer.protocol.manifest.ManifestEntry;
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
import java.util.function.Supplier;

/**
 * Manifest generations per device: a new number for each distinct content, the same number while
 * the content stays the same. Keeps the newest few for deltas and the newest one, in memory, for
 * access checks.
 */
@ApplicationScoped
public class Generations {
  @Inject AgroalDataSource dataSource;
  @Inject ManifestConfig config;
  @Inject EntryLists lists;

  private final Map<String, CurrentManifest> current = new ConcurrentHashMap<>();

  /** A stored generation. */
  public record Stored(long generation, Instant builtAt, List<ManifestEntry> entries) {}

  /**
   * The generation of {@code content} for the device: the newest one if it has the same content,
   * else a new one. {@code hash} is {@code content.hash(EntriesCodec.pack(content.entries()))},
   * {@code storedEntries} gives {@code EntriesCodec.encode(content.entries())}, stored here unless
   * whoever computed it stores it (it is pending then). Serialised per device by a row lock on the
   * device, whose last budget it records.
   */
  public long resolve(
      String deviceId,
      ManifestContent content,
      String hash,
      Supplier<byte[]> storedEntries,
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
        // A list computed for this answer is being stored by the selection's writer; any other is
        // stored already, and storing it again only marks it used (a list whose write failed is
        // written here).
        if (!lists.isPending(hash)) {
          lists.store(c, hash, storedEntries);
        }
        long generation = newest;
        if (!newestHash.equals(hash)) {
          generation = newest + 1;
          insert(c, deviceId, generation, hash, content, builtAt);
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
      Instant builtAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO manifest_generations (device_id, generation, content_hash, day,"
                + " model_id, selector, note, budget, bytes, built_at, not_fitted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
      s.setArray(11, c.createArrayOf("text", content.notFitted().toArray()));
      s.executeUpdate();
    }
  }

  /** A kept generation of the device, when it is still kept. */
  public Optional<Stored> find(String deviceId, long generation) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT g.built_at, g.content_hash, "
                    + EntryLists.entriesOf("g")
                    + " FROM manifest_generations g WHERE g.device_id = ? AND g.generation = ?")) {
      s.setString(1, deviceId);
      s.setLong(2, generation);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Instant builtAt = rs.getTimestamp(1).toInstant();
        // A lost list makes the generation unknown: the device gets the full manifest.
        return lists
            .orPending(rs.getString(2), rs.getBytes(3))
            .map(stored -> new Stored(generation, builtAt, EntriesCodec.decode(stored)));
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
                "SELECT g.generation, g.content_hash, "
                    + EntryLists.entriesOf("g")
                    + " FROM manifest_generations g WHERE g.device_id = ?"
                    + " ORDER BY g.generation DESC LIMIT 1")) {
      s.setString(1, deviceId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return CurrentManifest.none();
        }
        long generation = rs.getLong(1);
        String hash = rs.getString(2);
        Optional<byte[]> stored = lists.orPending(hash, rs.getBytes(3));
        if (stored.isEmpty()) {
          // Its list was lost: nothing is granted until the device's next manifest stores it.
          return CurrentManifest.none();
        }
        CurrentManifest loaded =
            CurrentManifest.of(generation, hash, EntriesCodec.decode(stored.get()));
        current.put(deviceId, loaded);
        return loaded;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read manifest generation of " + deviceId, e);
    }
  }
}
