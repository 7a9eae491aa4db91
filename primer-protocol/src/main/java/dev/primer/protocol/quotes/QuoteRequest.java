package dev.primer.protocol.quotes;

import java.util.List;
import java.util.Objects;

/**
 * What a rep asks to be priced: an account and the products with their options, in order.
 *
 * @param accountId the customer's account
 * @param items the products, one line each
 */
public record QuoteRequest(String accountId, List<QuoteItem> items) {
  public QuoteRequest {
    accountId = Objects.requireNonNullElse(accountId, "");
    items = items == null ? List.of() : List.copyOf(items);
  }
}
