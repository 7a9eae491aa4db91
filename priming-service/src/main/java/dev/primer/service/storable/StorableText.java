package dev.primer.service.storable;

import dev.primer.protocol.problem.ProblemError;
import dev.primer.service.problem.ProblemException;
import java.util.List;
import java.util.Optional;

/**
 * Text PostgreSQL can store and the service accepts: no U+0000 (a {@code text} or {@code jsonb}
 * value cannot hold it) and at most a documented number of characters per kind of value.
 */
public final class StorableText {
  /** Identifiers: users, accounts, records, territories, teams, events. */
  public static final int MAX_ID = 200;

  /** Names, e-mail addresses, domains, device names and platforms. */
  public static final int MAX_NAME = 500;

  /** Postal addresses, record titles, search queries. */
  public static final int MAX_TEXT = 2_000;

  /** What is wrong with a text that holds U+0000. */
  public static final String CONTAINS_NUL = "contains U+0000, which no text field may hold";

  private StorableText() {}

  /**
   * What is wrong with {@code value} as a stored text of at most {@code max} characters, if
   * anything.
   */
  public static Optional<String> problem(String value, int max) {
    if (value.indexOf('\0') >= 0) {
      return Optional.of(CONTAINS_NUL);
    }
    if (value.length() > max) {
      return Optional.of(
          "is " + value.length() + " characters long, more than the " + max + " allowed");
    }
    return Optional.empty();
  }

  /**
   * Throws a 422 problem naming the line of the first U+0000 in {@code text} (raw, or written as
   * the JSON escape {@code \u0000}); {@code what} names the input, e.g. "calendar".
   */
  public static void require(String text, String what) {
    int at = text.indexOf('\0');
    int escaped = text.indexOf("\\u0000");
    if (at < 0 && escaped < 0) {
      return;
    }
    int first = at < 0 ? escaped : escaped < 0 ? at : Math.min(at, escaped);
    int line = 1 + (int) text.substring(0, first).chars().filter(c -> c == '\n').count();
    throw new ProblemException(
        422,
        "unstorable-text",
        "Text that cannot be stored",
        what + " contains the character U+0000 on line " + line + ", which no text field may hold",
        List.of(ProblemError.line(line, "U+0000 is not allowed")));
  }
}
