package dev.primer.protocol.quotes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A quote made on a device, as it goes up in the outbox: what was asked, what priced it and what
 * the device computed. The service prices the same request on the same basis again and is
 * authoritative.
 *
 * @param request the account and the products asked for
 * @param basis the price list, price book and rules versions the device used
 * @param result what the device computed
 * @param quotedAt when, by the device's clock (ISO instant), as claimed
 */
public record QuoteDraft(
    QuoteRequest request, QuoteBasis basis, QuoteResult result, String quotedAt) {
  /** No quote: the value of an operation that is not a quote. */
  public static final QuoteDraft NONE =
      new QuoteDraft(
          new QuoteRequest("", List.of()),
          new QuoteBasis("", 0, "", 0, "", 0),
          new QuoteResult(
              false,
              List.of(),
              List.of(),
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              List.of(),
              BigDecimal.ZERO,
              ""),
          "");

  public QuoteDraft {
    // Jackson passes null for a member the JSON leaves out; the service then refuses the quote.
    request = Objects.requireNonNullElseGet(request, () -> new QuoteRequest("", List.of()));
    basis = Objects.requireNonNullElseGet(basis, () -> new QuoteBasis("", 0, "", 0, "", 0));
    result = Objects.requireNonNullElseGet(result, () -> NONE.result);
    quotedAt = Objects.requireNonNullElse(quotedAt, "");
  }

  /** Whether this is a quote (not {@link #NONE}). */
  public boolean present() {
    return !request.accountId().isEmpty();
  }

  /** Leaves {@link #NONE} out of the JSON: {@code @JsonInclude(value = CUSTOM, valueFilter)}. */
  public static final class AbsentFilter {
    @Override
    public boolean equals(Object other) {
      return other == null || (other instanceof QuoteDraft q && !q.present());
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
