package dev.primer.service.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Names the state of the org data: the last committed import or admin change ({@code data_changes})
 * and the last telemetry event stored. Two snapshots with the same version hold the same data, so a
 * selection computed from one is valid for the other, across restarts too.
 */
@ApplicationScoped
public class DataVersions {
  /** The current version, read on {@code c}. */
  public String current(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT (SELECT coalesce(max(version), 0) FROM data_changes),"
                    + " (SELECT coalesce(max(seq), 0) FROM telemetry_events)");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1) + "." + rs.getLong(2);
    }
  }
}
