package dev.primer.service.telemetry;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores device access events once each (by event id) and turns the new ones into interactions for
 * the next training run and the next snapshot.
 */
@ApplicationScoped
public class TelemetryService {
  @Inject AgroalDataSource dataSource;
  @Inject MeterRegistry meters;

  private Counter hits;
  private Counter misses;

  @PostConstruct
  void init() {
    hits = Counter.builder("primer.telemetry.events").tag("kind", "hit").register(meters);
    misses = Counter.builder("primer.telemetry.events").tag("kind", "miss").register(meters);
    Gauge.builder("primer.telemetry.hit.rate", this, TelemetryService::hitRate)
        .description("Share of reported accesses that found the record on the device")
        .register(meters);
  }

  private double hitRate() {
    double all = hits.count() + misses.count();
    return all == 0 ? Double.NaN : hits.count() / all;
  }

  /** Stores the events of one upload. */
  public TelemetryResult store(String deviceId, String userId, TelemetryParser.Parsed parsed) {
    List<TelemetryParser.Rejected> rejected = new ArrayList<>(parsed.rejected());
    int accepted = 0;
    int duplicates = 0;
    int newHits = 0;
    int newMisses = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Set<String> known = knownRecords(c, parsed.events());
        List<TelemetryEvent> good = new ArrayList<>();
        for (TelemetryEvent e : parsed.events()) {
          if (known.contains(e.recordId())) {
            good.add(e);
          } else {
            rejected.add(new TelemetryParser.Rejected(e.line(), "unknown record " + e.recordId()));
          }
        }
        int[] inserted = insertEvents(c, deviceId, userId, good);
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO interactions (user_id, record_id, at, kind, source)"
                    + " VALUES (?, ?, ?, ?, 'telemetry') ON CONFLICT DO NOTHING")) {
          for (int i = 0; i < good.size(); i++) {
            TelemetryEvent e = good.get(i);
            if (inserted[i] == 0) {
              duplicates++;
              continue;
            }
            accepted++;
            if (e.kind().equals("hit")) {
              newHits++;
            } else {
              newMisses++;
            }
            s.setString(1, userId);
            s.setString(2, e.recordId());
            s.setTimestamp(3, Timestamp.from(e.at().toInstant()));
            s.setString(4, e.interactionKind());
            s.addBatch();
          }
          s.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store telemetry", e);
    }
    hits.increment(newHits);
    misses.increment(newMisses);
    rejected.sort(java.util.Comparator.comparingInt(TelemetryParser.Rejected::line));
    return new TelemetryResult(accepted, duplicates, rejected);
  }

  private static Set<String> knownRecords(Connection c, List<TelemetryEvent> events)
      throws SQLException {
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.recordId()));
    Set<String> known = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM records WHERE id = ANY(?)")) {
      s.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          known.add(rs.getString(1));
        }
      }
    }
    return known;
  }

  /** Inserts events, skipping known event ids; 1 for each stored, 0 for each duplicate. */
  private static int[] insertEvents(
      Connection c, String deviceId, String userId, List<TelemetryEvent> events)
      throws SQLException {
    int[] out = new int[events.size()];
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO telemetry_events (event_id, device_id, user_id, record_id, at, kind, query)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
      // One by one: the update count tells a new event from a duplicate, even within one body.
      for (int i = 0; i < events.size(); i++) {
        TelemetryEvent e = events.get(i);
        s.setString(1, e.eventId());
        s.setString(2, deviceId);
        s.setString(3, userId);
        s.setString(4, e.recordId());
        s.setTimestamp(5, Timestamp.from(e.at().toInstant()));
        s.setString(6, e.kind());
        s.setString(7, e.query().orElse(null));
        out[i] = s.executeUpdate();
      }
    }
    return out;
  }
}
