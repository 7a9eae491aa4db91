package dev.primer.service.imports;

import dev.primer.core.dataset.Interaction;
import dev.primer.service.data.Sql;
import dev.primer.service.storable.FieldChecks;
import dev.primer.service.storable.StorableText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Interactions by user, record, time and kind: a known one is left as it is. */
final class InteractionUpserter implements Upserter<Interaction> {
  private static final String SQL =
      """
      INSERT INTO interactions (user_id, record_id, at, kind, source)
      SELECT i.user_id, i.record_id, i.at::timestamptz, i.kind, 'import'
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS i(user_id, record_id, at, kind)
      ON CONFLICT DO NOTHING
      RETURNING 1
      """;

  @Override
  public Class<Interaction> type() {
    return Interaction.class;
  }

  @Override
  public void check(Interaction i, FieldChecks checks) {
    checks
        .text("userId", i.userId(), StorableText.MAX_ID)
        .text("recordId", i.recordId(), StorableText.MAX_ID)
        .instant("at", i.at());
  }

  @Override
  public Counts upsert(Connection c, List<Interaction> batch) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setArray(1, Sql.text(c, batch, Interaction::userId));
      s.setArray(2, Sql.text(c, batch, Interaction::recordId));
      s.setArray(3, Sql.text(c, batch, i -> i.at().toString()));
      s.setArray(4, Sql.text(c, batch, i -> i.kind().wireName()));
      long inserted = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          inserted++;
        }
      }
      return new Counts(inserted, 0, batch.size() - inserted);
    }
  }
}
