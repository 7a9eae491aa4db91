package dev.primer.calendar;

import java.util.Objects;

/**
 * Something wrong in a calendar file, named by its physical line (1-based; 0 when it concerns the
 * whole file) and the property or component at fault, with what was done about it.
 */
public record Problem(int line, String property, String message) {
  public Problem {
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, was " + line);
    }
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(message, "message");
  }

  /** Renders "source:line: PROPERTY: message", the one-line form a CLI prints. */
  public String describe(String source) {
    String where = line > 0 ? source + ":" + line : source;
    return property.isEmpty() ? where + ": " + message : where + ": " + property + ": " + message;
  }
}
