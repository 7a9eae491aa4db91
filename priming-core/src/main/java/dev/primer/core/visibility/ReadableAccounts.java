package dev.primer.core.visibility;

import dev.primer.core.catalog.Catalog;
import java.util.BitSet;

/** The accounts, and so the records, one user may read; immutable. */
public final class ReadableAccounts {
  private final Catalog catalog;
  private final BitSet accounts;

  ReadableAccounts(Catalog catalog, BitSet accounts) {
    this.catalog = catalog;
    this.accounts = accounts;
  }

  /** Whether the user may read account {@code a}'s records. */
  public boolean account(int a) {
    return accounts.get(a);
  }

  /** Whether the user may read record {@code r}. */
  public boolean record(int r) {
    return accounts.get(catalog.accountOf(r));
  }

  /** How many accounts the user may read. */
  public int count() {
    return accounts.cardinality();
  }
}
