package dev.primer.core.visibility;

/**
 * The organisation's choices in who may read an account's records. Owners, holders of a territory
 * the account lies in, and users the account is explicitly shared with always may; teammates of the
 * owner only when the organisation allows it.
 *
 * @param teamAccounts whether a user reads the accounts their teammates own
 */
public record VisibilityRules(boolean teamAccounts) {
  /** Owner, territory, team and explicit shares: what the synthetic organisation works under. */
  public static VisibilityRules defaults() {
    return new VisibilityRules(true);
  }
}
