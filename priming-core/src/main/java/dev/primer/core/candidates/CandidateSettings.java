package dev.primer.core.candidates;

/**
 * Bounds on candidate generation.
 *
 * @param nearbyRadiusKm accounts this close to an appointment of today or tomorrow are candidates
 * @param maxNearbyAccounts at most this many nearby accounts per appointment, nearest first
 * @param maxTerritoryAccounts at most this many territory accounts, most recently active first
 * @param maxCandidates at most this many candidates per user-day; later sources are cut first
 * @param minLinkConfidence appointment links below this confidence are ignored
 */
public record CandidateSettings(
    double nearbyRadiusKm,
    int maxNearbyAccounts,
    int maxTerritoryAccounts,
    int maxCandidates,
    double minLinkConfidence) {
  public CandidateSettings {
    if (!(nearbyRadiusKm >= 0)) {
      throw new IllegalArgumentException("nearbyRadiusKm must be >= 0, was " + nearbyRadiusKm);
    }
    if (maxNearbyAccounts < 0 || maxTerritoryAccounts < 0 || maxCandidates < 1) {
      throw new IllegalArgumentException("candidate limits must be positive");
    }
    if (minLinkConfidence < 0 || minLinkConfidence > 1) {
      throw new IllegalArgumentException(
          "minLinkConfidence must be within [0, 1], was " + minLinkConfidence);
    }
  }

  /** The defaults used in training, evaluation and serving. */
  public static CandidateSettings defaults() {
    return new CandidateSettings(15.0, 60, 400, 30_000, 0.5);
  }
}
