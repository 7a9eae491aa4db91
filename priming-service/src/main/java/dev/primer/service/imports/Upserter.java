package dev.primer.service.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Stores a batch of parsed lines of one kind idempotently, in one transaction. */
interface Upserter<T> {
  /** The data set record a line parses into. */
  Class<T> type();

  /** Inserts new rows, updates changed ones, leaves the rest; says how many of each. */
  Counts upsert(Connection c, List<T> batch) throws SQLException;
}
