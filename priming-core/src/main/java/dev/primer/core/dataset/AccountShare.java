package dev.primer.core.dataset;

/** A line of shares.jsonl: {@code userId} may read every record of account {@code accountId}. */
public record AccountShare(String accountId, String userId) {
  public AccountShare {
    Ids.require(accountId, "accountId");
    Ids.require(userId, "userId");
  }
}
