package dev.primer.protocol.admin;

import java.util.List;
import java.util.Objects;

/**
 * What activating a draft territory model would change ({@code GET
 * /v1/territory-models/{id}/preview}): for every rep whose territories would hold other accounts,
 * the accounts, records and bytes gained and lost on their device, and the hit rate the active
 * scoring model would have reached over the last evaluation days, before and after.
 *
 * @param modelId the draft
 * @param day the shift day the manifests are for (ISO date)
 * @param budgetBytes the device budget the manifests are computed for
 * @param evaluationDays how many past days the hit rates are averaged over
 * @param selector what chose the records (the active model, or the fallback baseline)
 * @param reps the affected reps, by id
 * @param millis how long the preview took to compute
 */
public record TerritoryModelPreview(
    String modelId,
    String day,
    long budgetBytes,
    int evaluationDays,
    String selector,
    List<RepChange> reps,
    long millis) {
  /** Absent values become empty ones. */
  public TerritoryModelPreview {
    modelId = Objects.requireNonNullElse(modelId, "");
    day = Objects.requireNonNullElse(day, "");
    selector = Objects.requireNonNullElse(selector, "");
    reps = List.copyOf(Objects.requireNonNullElse(reps, List.of()));
  }

  /**
   * One affected rep.
   *
   * @param userId the rep
   * @param name the rep's name
   * @param accountsGained accounts the rep's territories would newly hold (at most 50 listed)
   * @param accountsLost accounts they would no longer hold (at most 50 listed)
   * @param accountsGainedCount all accounts gained
   * @param accountsLostCount all accounts lost
   * @param recordsGained records the device would newly hold
   * @param recordsLost records it would no longer hold
   * @param bytesGained their bytes
   * @param bytesLost their bytes
   * @param hitRateBefore share of the records the rep touched that the device held, with the active
   *     territories, over the evaluation days; -1 when the rep touched nothing then
   * @param hitRateAfter the same with the draft's territories
   */
  public record RepChange(
      String userId,
      String name,
      List<String> accountsGained,
      List<String> accountsLost,
      int accountsGainedCount,
      int accountsLostCount,
      int recordsGained,
      int recordsLost,
      long bytesGained,
      long bytesLost,
      double hitRateBefore,
      double hitRateAfter) {
    /** Absent lists become empty ones. */
    public RepChange {
      userId = Objects.requireNonNullElse(userId, "");
      name = Objects.requireNonNullElse(name, "");
      accountsGained = List.copyOf(Objects.requireNonNullElse(accountsGained, List.of()));
      accountsLost = List.copyOf(Objects.requireNonNullElse(accountsLost, List.of()));
    }
  }
}
