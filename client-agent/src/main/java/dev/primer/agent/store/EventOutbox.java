package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access events (shows and searches, hits and misses) waiting in {@code access_events} for the
 * next sync to send them; an event is marked sent only once the service has answered.
 */
final class EventOutbox {
  private final Jdbc jdbc;
  private final FieldCipher cipher;

  EventOutbox(Jdbc jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** Logs a show or search; the query text is kept encrypted until it is sent. */
  void log(AccessEvent event) {
    jdbc.inTransaction(
        () -> {
          try (PreparedStatement p =
              jdbc.prepare(
                  "INSERT INTO access_events (event_id, record_id, at, kind, query, sent) VALUES (?,?,?,?,?,0)")) {
            p.setString(1, event.eventId());
            p.setString(2, event.recordId().orElse(null));
            p.setString(3, event.at());
            p.setString(4, event.kind());
            p.setBytes(5, cipher.encryptText(event.query(), event.eventId() + "/query"));
            p.executeUpdate();
          }
        });
  }

  /** Events not yet accepted by the service, oldest first. */
  List<AccessEvent> unsent() {
    return jdbc.query(
        "SELECT event_id, record_id, at, kind, query FROM access_events WHERE sent = 0 ORDER BY rowid",
        List.of(),
        rs -> {
          String id = rs.getString(1);
          return new AccessEvent(
              id,
              Optional.ofNullable(rs.getString(2)),
              rs.getString(3),
              rs.getString(4),
              cipher.decryptText(rs.getBytes(5), id + "/query"));
        });
  }

  /** Marks events as delivered. */
  void markSent(List<String> eventIds) {
    jdbc.inTransaction(
        () -> {
          try (PreparedStatement p =
              jdbc.prepare("UPDATE access_events SET sent = 1 WHERE event_id = ?")) {
            for (String id : eventIds) {
              p.setString(1, id);
              p.addBatch();
            }
            p.executeBatch();
          }
        });
  }

  /** Counts of access events by kind: hit, miss. */
  Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT kind, count(*) FROM access_events GROUP BY kind",
        List.of(),
        rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }
}
