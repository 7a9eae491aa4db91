package dev.primer.service.device;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Records when each device last asked for its manifest, which every sync starts with. */
@ApplicationScoped
public class LastSyncs {
  /**
   * A device asking again within this time is not written again: the admin's "last sync" needs
   * minutes, and a device polling every few seconds must not cost a write each time.
   */
  static final Duration GRANULARITY = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(LastSyncs.class);

  @Inject AgroalDataSource db;
  @Inject Clock clock;

  private final Map<String, Instant> written = new ConcurrentHashMap<>();

  /** The device asked for its manifest now. */
  public void manifestAsked(String deviceId) {
    Instant now = clock.instant();
    Instant before = written.get(deviceId);
    if (before != null && now.isBefore(before.plus(GRANULARITY))) {
      return;
    }
    written.put(deviceId, now);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE devices SET last_sync_at = ? WHERE id = ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setString(2, deviceId);
      s.executeUpdate();
    } catch (SQLException e) {
      // The manifest is what the device came for; a lost "last sync" is written at its next one.
      written.remove(deviceId);
      LOG.warnf(e, "last sync of device %s not recorded", deviceId);
    }
  }
}
