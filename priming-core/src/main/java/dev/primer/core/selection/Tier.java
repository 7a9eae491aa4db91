package dev.primer.core.selection;

/** Why an entry is on the device: it had to be, or the model chose it. */
public enum Tier {
  /** Records of accounts the user meets that day (with what they refer to) and admin pins. */
  GUARANTEED("guaranteed"),
  /** Records chosen by expected hits per byte. */
  PREDICTED("predicted");

  private final String wireName;

  Tier(String wireName) {
    this.wireName = wireName;
  }

  /** The tier as manifests and reports write it. */
  public String wireName() {
    return wireName;
  }
}
