package dev.primer.protocol.quotes;

import java.util.Objects;

/**
 * The exact records a quote was priced with: the account's price list, the price book it names and
 * the product rules that go with it, each at the version the device held.
 *
 * @param priceListId the account's price list record
 * @param priceListVersion its version
 * @param priceBookId the price book record
 * @param priceBookVersion its version
 * @param rulesId the product rules record
 * @param rulesVersion its version
 */
public record QuoteBasis(
    String priceListId,
    long priceListVersion,
    String priceBookId,
    long priceBookVersion,
    String rulesId,
    long rulesVersion) {
  public QuoteBasis {
    priceListId = Objects.requireNonNullElse(priceListId, "");
    priceBookId = Objects.requireNonNullElse(priceBookId, "");
    rulesId = Objects.requireNonNullElse(rulesId, "");
  }

  /** The basis in one line, as a rep or an admin reads it. */
  public String describe() {
    return "price list "
        + priceListId
        + " v"
        + priceListVersion
        + ", price book "
        + priceBookId
        + " v"
        + priceBookVersion
        + ", rules "
        + rulesId
        + " v"
        + rulesVersion;
  }
}
