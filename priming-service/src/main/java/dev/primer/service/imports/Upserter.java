package dev.primer.service.imports;

import dev.primer.service.storable.FieldChecks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Stores a batch of parsed lines of one kind idempotently, in one transaction. */
interface Upserter<T> {
  /** The data set record a line parses into. */
  Class<T> type();

  /**
   * Records in {@code checks} every field of {@code value} that PostgreSQL could not store or the
   * service does not accept (U+0000, over-long text, times outside 1900..9999, versions and sizes
   * out of range), so that the line is refused before its batch is written.
   */
  void check(T value, FieldChecks checks);

  /** Inserts new rows, updates changed ones, leaves the rest; says how many of each. */
  Counts upsert(Connection c, List<T> batch) throws SQLException;
}
