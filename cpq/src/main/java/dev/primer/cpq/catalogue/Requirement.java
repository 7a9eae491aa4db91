package dev.primer.cpq.catalogue;

import java.util.Objects;

/**
 * A require rule: a line for which {@code when} holds needs a line of product {@code requires} in
 * the same quote.
 *
 * @param name the rule's name
 * @param when a CEL condition over {@code line}, {@code quote} and {@code account}
 * @param requires the SKU the quote must then hold
 * @param message why, in words a rep understands
 */
public record Requirement(String name, String when, String requires, String message) {
  public Requirement {
    name = Objects.requireNonNullElse(name, "");
    when = Objects.requireNonNullElse(when, "");
    requires = Objects.requireNonNullElse(requires, "");
    message = Objects.requireNonNullElse(message, "");
  }
}
