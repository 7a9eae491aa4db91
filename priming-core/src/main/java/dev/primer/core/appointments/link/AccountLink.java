package dev.primer.core.appointments.link;

import java.util.Objects;

/**
 * An appointment tied to an account, with how sure the rule is (0 to 1) and a reason a person can
 * read, e.g. "GEO 120 m from ACME Pumps".
 */
public record AccountLink(String accountId, double confidence, String reason, LinkRule rule) {
  public AccountLink {
    Objects.requireNonNull(accountId, "accountId");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rule, "rule");
  }
}
