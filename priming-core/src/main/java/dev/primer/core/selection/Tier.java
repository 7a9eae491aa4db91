package dev.primer.core.selection;

/** Why an entry is on the device: it had to be, or the model chose it. */
public enum Tier {
  /** Records of accounts the user meets that day (with what they refer to) and admin pins. */
  GUARANTEED,
  /** Records chosen by expected hits per byte. */
  PREDICTED
}
