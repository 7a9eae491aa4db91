package dev.primer.service.edits;

import dev.primer.protocol.edits.FieldPolicy;
import dev.primer.protocol.edits.MergePolicy;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge policy table ({@code field_policies}): for a record type and field, whether reps may
 * write it and how a conflict on it is decided. The most specific row wins: type and field, then
 * type and {@code *}, then {@code *} and field, then {@code *} and {@code *}. Read through a cache
 * that every change through {@link #put} refreshes (the table is a few dozen rows).
 */
@ApplicationScoped
public class FieldPolicies {
  private final AgroalDataSource db;
  private volatile Map<String, FieldPolicy> rows = Map.of();
  private volatile boolean loaded;

  FieldPolicies(AgroalDataSource db) {
    this.db = db;
  }

  /** The policy that governs {@code field} of records of {@code recordType}. */
  public FieldPolicy of(String recordType, String field) {
    Map<String, FieldPolicy> r = rows();
    for (String key :
        List.of(
            recordType + "/" + field,
            recordType + "/" + FieldPolicy.ANY,
            FieldPolicy.ANY + "/" + field,
            FieldPolicy.ANY + "/" + FieldPolicy.ANY)) {
      FieldPolicy p = r.get(key);
      if (p != null) {
        return p;
      }
    }
    return new FieldPolicy(recordType, field, true, MergePolicy.REVIEW);
  }

  /** Every row, ordered by type and field. */
  public List<FieldPolicy> all() {
    List<FieldPolicy> out = new ArrayList<>(rows().values());
    out.sort(
        java.util.Comparator.comparing(FieldPolicy::recordType).thenComparing(FieldPolicy::field));
    return out;
  }

  /** Stores one row (insert or replace) and refreshes the cache. */
  public FieldPolicy put(FieldPolicy p) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO field_policies (record_type, field, writable, policy)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (record_type, field)"
                    + " DO UPDATE SET writable = excluded.writable, policy = excluded.policy")) {
      s.setString(1, p.recordType());
      s.setString(2, p.field());
      s.setBoolean(3, p.writable());
      s.setString(4, p.policy().wireName());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store a field policy", e);
    }
    loaded = false;
    return p;
  }

  private Map<String, FieldPolicy> rows() {
    if (loaded) {
      return rows;
    }
    Map<String, FieldPolicy> fresh = new HashMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT record_type, field, writable, policy FROM field_policies");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        FieldPolicy p =
            new FieldPolicy(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                MergePolicy.fromWire(rs.getString(4)));
        fresh.put(p.recordType() + "/" + p.field(), p);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the field policies", e);
    }
    rows = Map.copyOf(fresh);
    loaded = true;
    return rows;
  }
}
