package dev.primer.cpq.catalogue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An account's price agreement: which price book and rules price its quotes, its discount and its
 * terms. The content of the account's {@code price-list} record.
 *
 * @param format {@value #FORMAT}
 * @param accountId the account
 * @param priceBookId the price book record
 * @param rulesId the product rules record
 * @param discountPercent the account's agreed discount on every line
 * @param paymentTerms e.g. {@code Net 30}
 * @param validDays how long a quote stays valid
 */
public record PriceList(
    String format,
    String accountId,
    String priceBookId,
    String rulesId,
    BigDecimal discountPercent,
    String paymentTerms,
    int validDays) {
  /** The format name and version this reader understands. */
  public static final String FORMAT = "primer.price-list/1";

  public PriceList {
    format = Objects.requireNonNullElse(format, "");
    accountId = Objects.requireNonNullElse(accountId, "");
    priceBookId = Objects.requireNonNullElse(priceBookId, "");
    rulesId = Objects.requireNonNullElse(rulesId, "");
    discountPercent = Objects.requireNonNullElse(discountPercent, BigDecimal.ZERO);
    paymentTerms = Objects.requireNonNullElse(paymentTerms, "");
  }
}
