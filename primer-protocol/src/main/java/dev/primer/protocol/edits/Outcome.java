package dev.primer.protocol.edits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of an operation, or of one of its fields. Each is final. */
public enum Outcome {
  /** Applied as written: nothing had changed since the device's base. */
  APPLIED,
  /** Applied beside other changes to the same record: none touched the same field. */
  MERGED,
  /** The same field had changed meanwhile, and the field's policy decided (the receipt's rule). */
  AUTO_RESOLVED,
  /** The same field had changed meanwhile (or the record is gone) and a person must decide. */
  NEEDS_REVIEW,
  /** Not applied, and the receipt says why (permission, bad value, unknown record ...). */
  REJECTED;

  private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The outcome as the wire writes it: {@code applied}, {@code auto-resolved} ... */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The outcome the wire names; refused when the name is none. */
  @JsonCreator
  public static Outcome fromWire(String name) {
    for (Outcome o : values()) {
      if (o.wireName.equals(name)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "outcome must be applied, merged, auto-resolved, needs-review or rejected, was '"
            + name
            + "'");
  }

  /** The worse of two outcomes, for an operation whose fields ended differently. */
  public Outcome worse(Outcome other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
