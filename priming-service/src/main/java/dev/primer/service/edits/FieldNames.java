package dev.primer.service.edits;

import java.util.regex.Pattern;

/** What a record field's name and value may be, for device edits and imports alike. */
public final class FieldNames {
  /** Lower-case words joined by hyphens, as the policy table names them. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** The longest value a field may hold, in characters. */
  public static final int MAX_VALUE = 4_096;

  private FieldNames() {}

  /** Whether {@code name} may name a field. */
  public static boolean valid(String name) {
    return NAME.matcher(name).matches();
  }
}
