package dev.primer.service.problem;

/** Query parameters more than one route reads, each refused with the same 400 when bad. */
public final class QueryParameters {
  private QueryParameters() {}

  /**
   * A {@code days} parameter: {@code fallback} when absent or blank, else a whole number 1..max;
   * anything else is a 400 naming the field.
   */
  public static int days(String raw, int fallback, int max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int days = Integer.parseInt(raw.strip());
      if (days >= 1 && days <= max) {
        return days;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ProblemException.badRequest(
        "invalid-query",
        "days",
        "must be a whole number of days, 1.." + max + ", was '" + raw + "'");
  }
}
