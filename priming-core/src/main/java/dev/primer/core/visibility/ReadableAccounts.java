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

  /**
   * Whether the user may read record {@code r}. The organisation's price books and product rules
   * are every user's to read: they hold list prices and rules, while what an account pays is in its
   * price list, which only those who may read the account read.
   */
  public boolean record(int r) {
    int a = catalog.accountOf(r);
    return a == Catalog.NO_ACCOUNT || accounts.get(a);
  }

  /** How many accounts the user may read. */
  public int count() {
    return accounts.cardinality();
  }
}
