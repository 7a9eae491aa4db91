package dev.primer.service.data;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records that org data changed: bumps the {@code data_changes} row of {@code what} in the current
 * transaction and fires {@link OrgDataChanged} once that transaction has committed (at once when
 * there is none).
 */
@ApplicationScoped
public class OrgDataChanges {
  private final AgroalDataSource db;
  private final Event<OrgDataChanged> event;
  private final TransactionSynchronizationRegistry transactions;

  OrgDataChanges(
      AgroalDataSource db,
      Event<OrgDataChanged> event,
      TransactionSynchronizationRegistry transactions) {
    this.db = db;
    this.event = event;
    this.transactions = transactions;
  }

  /** Marks {@code what} as changed; call it inside the transaction that changes it. */
  public void changed(String what) {
    touched(what);
    OrgDataChanged changed = new OrgDataChanged(what);
    if (transactions.getTransactionKey() == null) {
      event.fire(changed);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              event.fire(changed);
            }
          }
        });
  }

  private void touched(String what) {
    try (Connection c = db.getConnection();
        PreparedStatement bump =
            c.prepareStatement(
                "INSERT INTO data_changes (what, version, changed_at)"
                    + " VALUES (?, nextval('data_version'), now())"
                    + " ON CONFLICT (what) DO UPDATE"
                    + " SET version = excluded.version, changed_at = excluded.changed_at")) {
      bump.setString(1, what);
      bump.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record a change of " + what, e);
    }
  }
}
