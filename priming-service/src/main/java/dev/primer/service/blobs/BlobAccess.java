package dev.primer.service.blobs;

import dev.primer.service.access.RecordAccess;
import dev.primer.service.manifest.Generations;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether a user may read a blob: only when one of their devices' manifests lists it and a record
 * the user may read ({@link RecordAccess}) has it as content.
 */
@ApplicationScoped
public class BlobAccess {
  @Inject AgroalDataSource dataSource;
  @Inject Generations generations;
  @Inject RecordAccess records;

  /** Whether a device of the user holds {@code sha256} and the user may still read it. */
  public boolean allowed(String userId, String sha256) {
    return listed(userId, sha256) && records.mayReadContent(userId, sha256);
  }

  private boolean listed(String userId, String sha256) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id FROM devices WHERE user_id = ?")) {
      s.setString(1, userId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (generations.current(rs.getString(1)).sha256s().contains(sha256)) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the devices of " + userId, e);
    }
  }
}
