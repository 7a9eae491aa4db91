package dev.primer.service.problem;

import java.util.List;

/** Refuses text PostgreSQL cannot store: U+0000, raw or as a JSON escape, in text and jsonb. */
public final class StorableText {
  private StorableText() {}

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
        List.of(new ProblemError(null, line, null, "U+0000 is not allowed")));
  }
}
