package dev.primer.territory;

/** Formats degrees the one way Primer writes them: up to seven decimals, no trailing zeros. */
public final class Degrees {
  /** Seven decimals of a degree is about a centimetre on the ground. */
  public static final int DECIMALS = 7;

  private static final long SCALE = 10_000_000L;

  private Degrees() {}

  /**
   * Rounds half away from zero to seven decimals and prints without exponent or trailing zeros:
   * {@code 10.0 -> "10"}, {@code -0.5 -> "-0.5"}, {@code 1e-9 -> "0"}. The same double always
   * prints the same text, which makes written files byte-identical.
   */
  public static String format(double degrees) {
    if (!Double.isFinite(degrees) || Math.abs(degrees) > 1e11) {
      // Out of any sensible range for degrees: fall back to Java's exact, still stable, text.
      return Double.toString(degrees);
    }
    long scaled = Math.round(Math.abs(degrees) * SCALE);
    if (scaled == 0) {
      return "0";
    }
    StringBuilder text = new StringBuilder(16);
    if (degrees < 0) {
      text.append('-');
    }
    text.append(scaled / SCALE);
    long fraction = scaled % SCALE;
    if (fraction != 0) {
      String digits = Long.toString(fraction + SCALE).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(digits, 0, end);
    }
    return text.toString();
  }
}
