package dev.primer.protocol.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why an entry is on the device: it had to be, or the model chose it. */
public enum Tier {
  /** Records of accounts the user meets that day (with what they refer to) and admin pins. */
  GUARANTEED,
  /** Records chosen by expected hits per byte. */
  PREDICTED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The tier as the wire writes it: {@code guaranteed} or {@code predicted}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The tier the wire names; refused when the name is no tier. */
  @JsonCreator
  public static Tier fromWire(String name) {
    for (Tier t : values()) {
      if (t.wireName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("tier must be guaranteed or predicted, was '" + name + "'");
  }
}
