package dev.primer.service.access;

import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.visibility.ReadableAccounts;
import dev.primer.service.snapshot.OrgSnapshot;
import dev.primer.service.snapshot.Snapshots;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The one check of which records a user may read, for every route that hands out or takes in record
 * ids: records:fetch, blobs and telemetry (manifests are made by priming-core, whose candidate
 * generation and budget fill ask the same rules). The rules are priming-core's {@code
 * visibility.Visibility} over the current org snapshot: owner, territory, team (where the
 * organisation allows it), explicit shares. A user the snapshot does not know reads nothing.
 */
@ApplicationScoped
public class RecordAccess {
  @Inject Snapshots snapshots;
  @Inject AgroalDataSource dataSource;

  /**
   * Of {@code recordIds}, the ones {@code userId} may read now. An id that names no record is
   * simply absent from the answer, like one the user may not read, so callers cannot tell the two
   * apart and neither can their clients.
   */
  public Set<String> readable(String userId, Collection<String> recordIds) {
    Optional<Rules> rules = rules(userId);
    if (rules.isEmpty() || recordIds.isEmpty()) {
      return Set.of();
    }
    Catalog catalog = rules.get().snapshot().catalog();
    ReadableAccounts readable = rules.get().readable();
    Set<String> out = new HashSet<>();
    List<String> notPrimable = new ArrayList<>();
    for (String id : recordIds) {
      OptionalInt r = catalog.recordIndex(id);
      if (r.isPresent()) {
        if (readable.record(r.getAsInt())) {
          out.add(id);
        }
      } else {
        // Records without content are not in the catalog; their account comes from the table.
        notPrimable.add(id);
      }
    }
    if (!notPrimable.isEmpty()) {
      String sql = "SELECT id, account_id FROM records WHERE id = ANY(?)";
      try (Connection c = dataSource.getConnection();
          PreparedStatement s = c.prepareStatement(sql)) {
        s.setArray(1, c.createArrayOf("text", notPrimable.toArray()));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            if (readableAccount(catalog, readable, rs.getString(2))) {
              out.add(rs.getString(1));
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the accounts of records", e);
      }
    }
    return out;
  }

  /**
   * Whether {@code userId} may read records of account {@code accountId} (and so create one there
   * from a device). An unknown account is not readable.
   */
  public boolean mayReadAccount(String userId, String accountId) {
    Optional<Rules> rules = rules(userId);
    return rules.isPresent()
        && readableAccount(rules.get().snapshot().catalog(), rules.get().readable(), accountId);
  }

  /** Whether {@code userId} may read some record whose content has this SHA-256. */
  public boolean mayReadContent(String userId, String sha256) {
    Optional<Rules> rules = rules(userId);
    if (rules.isEmpty()) {
      return false;
    }
    String sql = "SELECT DISTINCT account_id, type FROM records WHERE sha256 = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, sha256);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (organisationWide(rs.getString(1), rs.getString(2))) {
            return true;
          }
          if (readableAccount(
              rules.get().snapshot().catalog(), rules.get().readable(), rs.getString(1))) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the accounts of a blob", e);
    }
  }

  /** A price book or product rules: every user's to read ({@code ReadableAccounts#record}). */
  private static boolean organisationWide(String accountId, String type) {
    return accountId.isEmpty() && RecordType.organisationWideNames().contains(type);
  }

  private static boolean readableAccount(
      Catalog catalog, ReadableAccounts readable, String accountId) {
    OptionalInt a = catalog.accountIndex(accountId);
    return a.isPresent() && readable.account(a.getAsInt());
  }

  private Optional<Rules> rules(String userId) {
    OrgSnapshot snapshot = snapshots.currentKnowing(userId);
    OptionalInt u = snapshot.user(userId);
    return u.isPresent()
        ? Optional.of(new Rules(snapshot, snapshot.visibility().readableBy(u.getAsInt())))
        : Optional.empty();
  }

  private record Rules(OrgSnapshot snapshot, ReadableAccounts readable) {}
}
