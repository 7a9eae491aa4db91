package dev.primer.core.candidates;

/** Why a record is a candidate for a user's device; a candidate can have several. */
public enum CandidateSource {
  APPOINTMENT_TODAY,
  APPOINTMENT_TOMORROW,
  APPOINTMENT_YESTERDAY,
  PINNED,
  USER_HISTORY,
  TEAM_HISTORY,
  NEARBY,
  TERRITORY;

  /** This source's bit in a candidate's source mask. */
  public int bit() {
    return 1 << ordinal();
  }

  /** Whether {@code mask} includes this source. */
  public boolean in(int mask) {
    return (mask & bit()) != 0;
  }
}
