package dev.primer.service.imports;

import dev.primer.core.dataset.Account;
import dev.primer.service.data.Sql;
import dev.primer.service.storable.FieldChecks;
import dev.primer.service.storable.StorableText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accounts by id: a line that differs from the stored row replaces it. */
final class AccountUpserter implements Upserter<Account> {
  private static final String SQL =
      """
      INSERT INTO accounts (id, name, domain, address, lat, lon, owner_id)
      SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[])
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, domain = excluded.domain, address = excluded.address,
        lat = excluded.lat, lon = excluded.lon, owner_id = excluded.owner_id
      WHERE (accounts.name, accounts.domain, accounts.address, accounts.lat, accounts.lon, accounts.owner_id)
            IS DISTINCT FROM
            (excluded.name, excluded.domain, excluded.address, excluded.lat, excluded.lon, excluded.owner_id)
      RETURNING (xmax = 0)
      """;

  @Override
  public Class<Account> type() {
    return Account.class;
  }

  @Override
  public void check(Account a, FieldChecks checks) {
    checks
        .text("id", a.id(), StorableText.MAX_ID)
        .text("name", a.name(), StorableText.MAX_NAME)
        .text("domain", a.domain(), StorableText.MAX_NAME)
        .text("address", a.address(), StorableText.MAX_TEXT)
        .text("ownerId", a.ownerId(), StorableText.MAX_ID);
  }

  @Override
  public Counts upsert(Connection c, List<Account> batch) throws SQLException {
    Map<String, Account> last = new LinkedHashMap<>();
    batch.forEach(a -> last.put(a.id(), a));
    List<Account> rows = new ArrayList<>(last.values());
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setArray(1, Sql.text(c, rows, Account::id));
      s.setArray(2, Sql.text(c, rows, Account::name));
      s.setArray(3, Sql.text(c, rows, Account::domain));
      s.setArray(4, Sql.text(c, rows, Account::address));
      s.setArray(5, Sql.float8(c, rows, a -> a.location().lat()));
      s.setArray(6, Sql.float8(c, rows, a -> a.location().lon()));
      s.setArray(7, Sql.text(c, rows, Account::ownerId));
      long inserted = 0;
      long updated = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean(1)) {
            inserted++;
          } else {
            updated++;
          }
        }
      }
      return new Counts(inserted, updated, batch.size() - inserted - updated);
    }
  }
}
