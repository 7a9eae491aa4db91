package dev.primer.cpq.catalogue;

import java.util.Objects;

/**
 * A validation: a CEL condition a line (or the quote) must meet.
 *
 * @param name the rule's name
 * @param scope {@link DiscountRule#LINE} or {@link DiscountRule#QUOTE}
 * @param holds the CEL condition that must be true
 * @param message what is wrong when it is false
 * @param fix what would make it hold
 */
public record Validation(String name, String scope, String holds, String message, String fix) {
  public Validation {
    name = Objects.requireNonNullElse(name, "");
    scope = Objects.requireNonNullElse(scope, DiscountRule.LINE);
    holds = Objects.requireNonNullElse(holds, "");
    message = Objects.requireNonNullElse(message, "");
    fix = Objects.requireNonNullElse(fix, "");
  }
}
