package dev.primer.service.imports;

import dev.primer.service.storable.FieldChecks;
import dev.primer.service.storable.StorableText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Records the back office deleted ({@code POST /v1/import/deletions}, lines {@code {"id"}}). The
 * record is kept, marked deleted: it leaves manifests and records:fetch, and a rep's edit of it
 * goes to review instead of being lost. A newer version in a records import brings it back.
 */
final class DeletionUpserter implements Upserter<DeletionUpserter.Deletion> {
  /** One line: the deleted record's id. */
  record Deletion(String id) {}

  @Override
  public Class<Deletion> type() {
    return Deletion.class;
  }

  @Override
  public void check(Deletion d, FieldChecks checks) {
    if (d.id() == null || d.id().isEmpty()) {
      checks.problem("id", "is missing");
    } else {
      checks.text("id", d.id(), StorableText.MAX_ID);
    }
  }

  @Override
  public Counts upsert(Connection c, List<Deletion> batch) throws SQLException {
    String[] ids = batch.stream().map(Deletion::id).sorted().distinct().toArray(String[]::new);
    try (PreparedStatement s =
        c.prepareStatement(
            "WITH locked AS (SELECT id FROM records WHERE id = ANY(?) ORDER BY id FOR UPDATE)"
                + " UPDATE records r SET deleted_at = now(), updated_at = now() FROM locked"
                + " WHERE r.id = locked.id AND r.deleted_at IS NULL RETURNING r.id")) {
      s.setArray(1, c.createArrayOf("text", ids));
      long updated = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          updated++;
        }
      }
      return new Counts(0, updated, batch.size() - updated);
    }
  }
}
