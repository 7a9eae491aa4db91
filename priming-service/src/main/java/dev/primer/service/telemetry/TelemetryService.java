package dev.primer.service.telemetry;

import dev.primer.protocol.RejectedLine;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import dev.primer.service.access.RecordAccess;
import dev.primer.service.manifest.Generations;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
  @Inject RecordAccess access;
  @Inject Generations generations;

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
  public TelemetryAnswer store(String deviceId, String userId, TelemetryParser.Parsed parsed) {
    List<RejectedLine> rejected = new ArrayList<>(parsed.rejected());
    int accepted = 0;
    int duplicates = 0;
    int newHits = 0;
    int newMisses = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Set<String> entitled = entitled(deviceId, userId, parsed.events());
        List<TelemetryEvent> good = new ArrayList<>();
        for (TelemetryEvent e : parsed.events()) {
          if (entitled.contains(e.recordId())) {
            good.add(e);
          } else {
            // The same words whether the id exists or not: the answer reveals nothing.
            rejected.add(
                new RejectedLine(
                    e.line(), "record " + e.recordId() + " is not available to this device"));
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
    rejected.sort(java.util.Comparator.comparingLong(RejectedLine::line));
    return new TelemetryAnswer(accepted, duplicates, rejected);
  }

  /**
   * The records a device may report on: those of its newest manifest and those its user may read.
   * Anything else would launder access: an event becomes an interaction, an interaction a
   * candidate.
   */
  private Set<String> entitled(String deviceId, String userId, List<TelemetryEvent> events) {
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.recordId()));
    Set<String> entitled = new HashSet<>(access.readable(userId, ids));
    Set<String> held = generations.current(deviceId).recordIds();
    for (String id : ids) {
      if (held.contains(id)) {
        entitled.add(id);
      }
    }
    return entitled;
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
