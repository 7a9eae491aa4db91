package dev.primer.service.records;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which records a device has sent operations for (its edit receipts name them). */
@ApplicationScoped
public class EditedByDevice {
  private final AgroalDataSource db;

  EditedByDevice(AgroalDataSource db) {
    this.db = db;
  }

  /** Of {@code ids}, those the device has edited or created. */
  public Set<String> byDevice(String deviceId, List<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT DISTINCT record_id FROM edit_receipts"
                    + " WHERE device_id = ? AND record_id = ANY(?) AND outcome <> 'rejected'")) {
      s.setString(1, deviceId);
      s.setArray(2, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the device's edited records", e);
    }
    return out;
  }
}
