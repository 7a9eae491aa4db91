package dev.primer.protocol.edits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of {@code POST /v1/admin/conflicts/{id}/resolve}: keep the rep's value, the service's,
 * or a third one.
 *
 * @param keep {@value #MINE}, {@value #THEIRS} or {@value #VALUE}
 * @param value the value to keep, for {@value #VALUE}; empty otherwise
 */
public record ConflictResolution(
    String keep, @JsonInclude(JsonInclude.Include.NON_EMPTY) String value) {
  /** Keep the rep's value. */
  public static final String MINE = "mine";

  /** Keep the value on the service. */
  public static final String THEIRS = "theirs";

  /** Keep the value given. */
  public static final String VALUE = "value";

  public ConflictResolution {
    keep = Objects.requireNonNullElse(keep, "");
    value = Objects.requireNonNullElse(value, "");
  }
}
