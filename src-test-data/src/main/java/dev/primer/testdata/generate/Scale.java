package dev.primer.testdata.generate;

import java.util.Locale;

/** How big an organisation to generate. */
public enum Scale {
  /** For tests: generated in seconds. */
  SMALL(20, 3, 600, 25, 60),
  /** For evaluation: the default data scientists work on. */
  MEDIUM(200, 8, 6_000, 33, 90),
  /** For benchmarks: streamed, never held in memory whole. */
  LARGE(2_000, 20, 60_000, 33, 90);

  private final int users;
  private final int metros;
  private final int accounts;
  private final int recordsPerAccount;
  private final int days;

  Scale(int users, int metros, int accounts, int recordsPerAccount, int days) {
    this.users = users;
    this.metros = metros;
    this.accounts = accounts;
    this.recordsPerAccount = recordsPerAccount;
    this.days = days;
  }

  public int users() {
    return users;
  }

  public int metros() {
    return metros;
  }

  public int accounts() {
    return accounts;
  }

  /** The mean number of CRM records per account. */
  public int recordsPerAccount() {
    return recordsPerAccount;
  }

  public int days() {
    return days;
  }

  /** The name used on the command line and in dataset.json. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses small, medium or large, naming the accepted values otherwise. */
  public static Scale parse(String name) {
    for (Scale scale : values()) {
      if (scale.wireName().equals(name)) {
        return scale;
      }
    }
    throw new IllegalArgumentException(
        "unknown scale '" + name + "', expected one of: small, medium, large");
  }
}
