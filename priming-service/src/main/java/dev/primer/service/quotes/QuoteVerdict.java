package dev.primer.service.quotes;

import dev.primer.protocol.quotes.QuoteResult;
import java.util.Optional;

/**
 * The service's word on a device's quote.
 *
 * @param kind whether it agrees, differs, could not be priced here, or is refused
 * @param reason what differs or why, in words an admin and a rep understand; empty when it agrees
 * @param serviceResult the service's own pricing, when it could price the quote
 */
public record QuoteVerdict(Kind kind, String reason, Optional<QuoteResult> serviceResult) {
  /** The verdicts. */
  public enum Kind {
    /** Same validity, same violated rules, totals within the tolerance: accepted. */
    AGREES,
    /** The service prices it otherwise: the quote waits in the review queue. */
    DIFFERS,
    /** A version the service does not hold: the quote waits in the review queue. */
    UNPRICEABLE,
    /** Not the device's to quote (another account's price list, a record that is no price list). */
    REFUSED
  }

  static QuoteVerdict agrees(QuoteResult service) {
    return new QuoteVerdict(Kind.AGREES, "", Optional.of(service));
  }

  static QuoteVerdict differs(String reason, QuoteResult service) {
    return new QuoteVerdict(Kind.DIFFERS, reason, Optional.of(service));
  }

  static QuoteVerdict unpriceable(String reason) {
    return new QuoteVerdict(Kind.UNPRICEABLE, reason, Optional.empty());
  }

  static QuoteVerdict refused(String reason) {
    return new QuoteVerdict(Kind.REFUSED, reason, Optional.empty());
  }
}
