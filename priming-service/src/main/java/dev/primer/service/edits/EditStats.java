package dev.primer.service.edits;

import dev.primer.protocol.edits.EditFigures;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edit figures for admins ({@code GET /v1/admin/edits/stats}) and the metrics: receipts by
 * outcome, per record type and field the operations and how many met someone else's change (the
 * conflict rate), the review queue, and the devices' queues as they last reported them (the
 * watchdog: a queue that stops draining shows as a growing oldest age).
 */
@ApplicationScoped
public class EditStats {
  private final AgroalDataSource db;

  EditStats(AgroalDataSource db, MeterRegistry meters) {
    this.db = db;
    Gauge.builder(
            "primer.edits.devices.oldest.pending.seconds", this, EditStats::oldestPendingSeconds)
        .description("The oldest operation a device reported still waiting to upload")
        .register(meters);
  }

  /**
   * The oldest operation any device last reported waiting (0 when none waits): the gauge reads only
   * this, not the whole figures' scan of the receipts.
   */
  double oldestPendingSeconds() {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT coalesce(max(oldest_pending_seconds), 0) FROM edit_marks WHERE pending > 0");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return Double.NaN;
    }
  }

  /** The figures now. */
  public EditFigures figures() {
    try (Connection c = db.getConnection()) {
      Map<String, Long> outcomes = new LinkedHashMap<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT outcome, count(*) FROM edit_receipts GROUP BY outcome ORDER BY outcome");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          outcomes.put(rs.getString(1), rs.getLong(2));
        }
      }
      Map<String, EditFigures.FieldFigures> byField = new LinkedHashMap<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT record_type, field, operations, conflicts FROM edit_field_stats"
                      + " ORDER BY record_type, field");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long ops = rs.getLong(3);
          long conflicts = rs.getLong(4);
          byField.put(
              rs.getString(1) + "." + rs.getString(2),
              new EditFigures.FieldFigures(
                  ops, conflicts, ops == 0 ? 0 : (double) conflicts / ops));
        }
      }
      long open;
      try (PreparedStatement s =
              c.prepareStatement("SELECT count(*) FROM conflicts WHERE state = 'open'");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        open = rs.getLong(1);
      }
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT count(*), coalesce(sum(pending), 0),"
                      + " coalesce(max(CASE WHEN pending > 0 THEN oldest_pending_seconds END), 0)"
                      + " FROM edit_marks");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        return new EditFigures(
            outcomes, byField, open, rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the edit figures", e);
    }
  }
}
