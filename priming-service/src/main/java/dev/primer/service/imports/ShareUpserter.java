package dev.primer.service.imports;

import dev.primer.core.dataset.AccountShare;
import dev.primer.service.data.Sql;
import dev.primer.service.storable.FieldChecks;
import dev.primer.service.storable.StorableText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Account shares by account and user: a known one is left as it is. */
final class ShareUpserter implements Upserter<AccountShare> {
  private static final String SQL =
      """
      INSERT INTO account_shares (account_id, user_id)
      SELECT * FROM unnest(?::text[], ?::text[]) AS s(account_id, user_id)
      ON CONFLICT DO NOTHING
      RETURNING 1
      """;

  @Override
  public Class<AccountShare> type() {
    return AccountShare.class;
  }

  @Override
  public void check(AccountShare s, FieldChecks checks) {
    checks
        .text("accountId", s.accountId(), StorableText.MAX_ID)
        .text("userId", s.userId(), StorableText.MAX_ID);
  }

  @Override
  public Counts upsert(Connection c, List<AccountShare> batch) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setArray(1, Sql.text(c, batch, AccountShare::accountId));
      s.setArray(2, Sql.text(c, batch, AccountShare::userId));
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
