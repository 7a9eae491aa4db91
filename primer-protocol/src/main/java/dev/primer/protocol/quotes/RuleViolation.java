package dev.primer.protocol.quotes;

import java.util.Objects;

/**
 * One rule a configuration breaks, with what would fix it.
 *
 * @param rule the rule's name in the product rules
 * @param line the quote line it concerns, from 1; 0 for the quote as a whole
 * @param message what is wrong, in words a rep understands
 * @param fix what would make it valid
 */
public record RuleViolation(String rule, int line, String message, String fix) {
  public RuleViolation {
    rule = Objects.requireNonNullElse(rule, "");
    message = Objects.requireNonNullElse(message, "");
    fix = Objects.requireNonNullElse(fix, "");
  }
}
