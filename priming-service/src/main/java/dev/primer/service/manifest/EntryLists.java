package dev.primer.service.manifest;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Entry lists stored once per manifest content hash, shared by the selections and the device
 * generations that list the same entries. A list computed on demand is written after the answer;
 * until then it is held here as pending, so that a delta asked against the new generation at once
 * still finds it.
 */
@ApplicationScoped
public class EntryLists {
  /** How long an unused list is kept; rows being written refer to a list touched within it. */
  private static final String UNUSED_FOR = "1 day";

  private final Map<String, byte[]> pending = new ConcurrentHashMap<>();

  /** Holds a list that is about to be stored, until {@link #stored} says it is. */
  public void pending(String contentHash, byte[] stored) {
    pending.put(contentHash, stored);
  }

  /** The list is in the database now (or its write failed and it is dropped). */
  public void stored(String contentHash) {
    pending.remove(contentHash);
  }

  /** Whether the list is waiting to be stored by the one who announced it. */
  public boolean isPending(String contentHash) {
    return pending.containsKey(contentHash);
  }

  /**
   * Makes sure the list is stored and marks it used now, inside the caller's transaction. The
   * stored form is asked for, and the half megabyte sent, only when the list is not there yet.
   */
  public void store(Connection c, String contentHash, Supplier<byte[]> stored) throws SQLException {
    try (PreparedStatement touch =
        c.prepareStatement("UPDATE entry_lists SET stored_at = now() WHERE content_hash = ?")) {
      touch.setString(1, contentHash);
      if (touch.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO entry_lists (content_hash, entries) VALUES (?, ?)"
                + " ON CONFLICT (content_hash) DO UPDATE SET stored_at = now()")) {
      insert.setString(1, contentHash);
      insert.setBytes(2, stored.get());
      insert.executeUpdate();
    }
  }

  /**
   * SQL for the stored form of the list of a row aliased {@code alias}: the row's own entries
   * (written before lists were shared), else the shared list; null when neither is there.
   */
  public static String entriesOf(String alias) {
    return "coalesce("
        + alias
        + ".entries, (SELECT l.entries FROM entry_lists l WHERE l.content_hash = "
        + alias
        + ".content_hash))";
  }

  /**
   * What a row read with {@link #entriesOf} found, else the list still pending for its content;
   * empty when the list is lost (a failed write): the caller computes or answers without it.
   */
  public Optional<byte[]> orPending(String contentHash, byte[] read) {
    return read != null ? Optional.of(read) : Optional.ofNullable(pending.get(contentHash));
  }

  /** Deletes lists that no selection or generation refers to and nothing used for a day. */
  public int prune(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM entry_lists l WHERE l.stored_at < now() - interval '"
                + UNUSED_FOR
                + "' AND NOT EXISTS (SELECT 1 FROM selections s WHERE s.content_hash ="
                + " l.content_hash) AND NOT EXISTS (SELECT 1 FROM manifest_generations g"
                + " WHERE g.content_hash = l.content_hash)")) {
      return s.executeUpdate();
    }
  }
}
