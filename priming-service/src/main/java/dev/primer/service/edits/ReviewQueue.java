package dev.primer.service.edits;

import dev.primer.protocol.edits.Conflict;
import dev.primer.protocol.edits.ConflictResolution;
import dev.primer.protocol.edits.OpenReviews;
import dev.primer.service.data.OrgDataChanges;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The review queue ({@code /v1/admin/conflicts}): the fields of operations a person must decide.
 * Resolving one writes the kept value as a new field version (source {@code review}), which every
 * device holding the record gets in its next delta.
 */
@ApplicationScoped
public class ReviewQueue {
  private static final String COLUMNS =
      "id, op_id, device_id, user_id, record_id, record_type, field, base, mine, theirs, reason,"
          + " created_at, state, resolution, resolved_value";

  /** How long one read of the open figures serves the gauges: both are read in one scrape. */
  private static final long FIGURES_TTL_NANOS = 1_000_000_000L;

  private final AgroalDataSource db;
  private final OrgDataChanges changes;
  private final Clock clock;
  private volatile OpenFigures figures =
      new OpenFigures(0, 0, System.nanoTime() - 2 * FIGURES_TTL_NANOS);

  /**
   * Open items, the age of the oldest (seconds), and when they were read ({@link System#nanoTime}).
   */
  private record OpenFigures(double open, double oldestSeconds, long readAtNanos) {}

  ReviewQueue(AgroalDataSource db, OrgDataChanges changes, Clock clock, MeterRegistry meters) {
    this.db = db;
    this.changes = changes;
    this.clock = clock;
    Gauge.builder("primer.edits.conflicts.open", this, q -> q.openFigures().open())
        .description("Review items waiting for a decision")
        .register(meters);
    Gauge.builder(
            "primer.edits.conflicts.oldest.seconds", this, q -> q.openFigures().oldestSeconds())
        .description("Age of the oldest review item waiting")
        .register(meters);
  }

  /** Items in {@code state} (open or resolved), oldest first, a page at a time. */
  public List<Conflict> list(String state, int limit, long offset) {
    if (!state.equals(Conflict.OPEN) && !state.equals(Conflict.RESOLVED)) {
      throw ProblemException.badRequest(
          "invalid-query", "state", "must be open or resolved, was '" + state + "'");
    }
    if (limit < 1 || limit > 1000 || offset < 0) {
      throw ProblemException.badRequest(
          "invalid-query", "limit", "limit must be 1..1000 and offset 0 or more");
    }
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM conflicts WHERE state = ?"
                    + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
      s.setString(1, state);
      s.setInt(2, limit);
      s.setLong(3, offset);
      return read(s);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the review queue", e);
    }
  }

  /** One item. */
  public Conflict get(long id) {
    try (Connection c = db.getConnection()) {
      return one(c, id, false)
          .orElseThrow(() -> ProblemException.notFound("conflict", Long.toString(id)));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a review item", e);
    }
  }

  /** The operations of {@code deviceId} still open in review, oldest first. */
  public OpenReviews openFor(String deviceId) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT op_id FROM conflicts WHERE device_id = ? AND state = 'open'"
                    + " GROUP BY op_id ORDER BY min(id) LIMIT "
                    + OpenReviews.MAX)) {
      s.setString(1, deviceId);
      List<String> ops = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ops.add(rs.getString(1));
        }
      }
      return new OpenReviews(ops);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the device's open reviews", e);
    }
  }

  /** Decides an open item as {@code resolution} says, for {@code adminUser}. */
  public Conflict resolve(long id, ConflictResolution resolution, String adminUser) {
    String keep = resolution.keep();
    if (!List.of(ConflictResolution.MINE, ConflictResolution.THEIRS, ConflictResolution.VALUE)
        .contains(keep)) {
      throw ProblemException.badRequest(
          "invalid-resolution", "keep", "must be mine, theirs or value, was '" + keep + "'");
    }
    StorableText.problem(resolution.value(), FieldNames.MAX_VALUE)
        .ifPresent(
            p -> {
              throw ProblemException.badRequest("invalid-resolution", "value", p);
            });
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = db.getConnection()) {
                Conflict item =
                    one(c, id, true)
                        .orElseThrow(
                            () -> ProblemException.notFound("conflict", Long.toString(id)));
                if (!item.state().equals(Conflict.OPEN)) {
                  throw new ProblemException(
                      409,
                      "conflict-resolved",
                      "Already resolved",
                      "conflict " + id + " was resolved (" + item.resolution() + ")");
                }
                String value =
                    switch (keep) {
                      case ConflictResolution.MINE -> item.mine();
                      case ConflictResolution.THEIRS -> item.theirs();
                      default -> resolution.value();
                    };
                if (!keep.equals(ConflictResolution.THEIRS)) {
                  write(c, item, value);
                }
                try (PreparedStatement s =
                    c.prepareStatement(
                        "UPDATE conflicts SET state = 'resolved', resolution = ?, resolved_value = ?,"
                            + " resolved_at = ?, resolved_by = ? WHERE id = ?")) {
                  s.setString(1, keep);
                  s.setString(2, value);
                  s.setTimestamp(3, Timestamp.from(clock.instant()));
                  s.setString(4, adminUser);
                  s.setLong(5, id);
                  s.executeUpdate();
                }
                return one(c, id, false).orElseThrow();
              }
            });
  }

  /** Writes the kept value as a new field version, unless the field already holds it. */
  private void write(Connection c, Conflict item, String value) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("SELECT deleted_at IS NOT NULL FROM records WHERE id = ? FOR UPDATE")) {
      lock.setString(1, item.recordId());
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next() || rs.getBoolean(1)) {
          throw new ProblemException(
              409,
              "record-deleted",
              "Record deleted",
              "record " + item.recordId() + " is deleted: only theirs can be kept");
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO record_fields (record_id, field, value, version, changed_at, source)"
                + " VALUES (?, ?, ?, 1, ?, 'review') ON CONFLICT (record_id, field) DO UPDATE SET"
                + " value = excluded.value, version = record_fields.version + 1,"
                + " changed_at = excluded.changed_at, source = 'review', device_id = NULL,"
                + " seq = NULL, op_id = NULL WHERE record_fields.value IS DISTINCT FROM excluded.value")) {
      s.setString(1, item.recordId());
      s.setString(2, item.field());
      s.setString(3, value);
      s.setTimestamp(4, Timestamp.from(clock.instant()));
      if (s.executeUpdate() == 0) {
        return;
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE records SET fields_revision = fields_revision + 1, updated_at = now()"
                + " WHERE id = ?")) {
      s.setString(1, item.recordId());
      s.executeUpdate();
    }
    changes.changed("edits");
  }

  /** Open items and the age of the oldest, read at most once a second. */
  private OpenFigures openFigures() {
    OpenFigures last = figures;
    long now = System.nanoTime();
    if (now - last.readAtNanos() < FIGURES_TTL_NANOS) {
      return last;
    }
    OpenFigures read = readOpenFigures(now);
    figures = read;
    return read;
  }

  private OpenFigures readOpenFigures(long now) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*), coalesce(extract(epoch FROM (now() - min(created_at))), 0)"
                    + " FROM conflicts WHERE state = 'open'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return new OpenFigures(rs.getLong(1), Math.max(0, rs.getDouble(2)), now);
    } catch (SQLException e) {
      return new OpenFigures(Double.NaN, Double.NaN, now);
    }
  }

  private Optional<Conflict> one(Connection c, long id, boolean lock) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM conflicts WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
      s.setLong(1, id);
      return read(s).stream().findFirst();
    }
  }

  private static List<Conflict> read(PreparedStatement s) throws SQLException {
    List<Conflict> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Conflict(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getTimestamp(12).toInstant().toString(),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15)));
      }
    }
    return out;
  }
}
