package dev.primer.protocol.edits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a field is decided when the rep and someone else both changed it since the rep's base. */
public enum MergePolicy {
  /** The rep's value wins. */
  FIELD_REP_WINS,
  /** The value already on the service wins; the rep's is kept in the receipt. */
  BACK_OFFICE_WINS,
  /** The later edit wins, by edit time (the device's corrected by its measured clock offset). */
  LAST_WRITE,
  /** Numbers: both changes apply (the service's value plus the rep's difference from base). */
  NUMERIC_DELTA,
  /** Comma-separated sets: what either side added is in, what either side removed is out. */
  SET_UNION,
  /** A person decides: the change waits in the review queue. */
  REVIEW;

  private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The policy as the wire and the policy table write it: {@code field-rep-wins} ... */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The policy the wire names; refused when the name is none. */
  @JsonCreator
  public static MergePolicy fromWire(String name) {
    for (MergePolicy p : values()) {
      if (p.wireName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "policy must be field-rep-wins, back-office-wins, last-write, numeric-delta, set-union or"
            + " review, was '"
            + name
            + "'");
  }
}
