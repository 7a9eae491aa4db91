package dev.primer.territory;

/** How bad a territory problem is. */
public enum Severity {
  /** The territory is wrong: assignments or areas computed from it cannot be trusted. */
  ERROR,
  /** The territory works but deserves a look (for example, it is very detailed). */
  WARNING
}
