package dev.primer.core.appointments;

import java.time.Instant;
import java.util.Objects;

/**
 * A calendar occurrence linked to one account, as the calendar stood before the day began.
 *
 * @param account the account's catalog index
 * @param confidence how sure the link is, 0..1
 * @param reason why it is linked, for people ("attendee @acmepumps.com")
 */
public record Appointment(
    String uid,
    String summary,
    Instant start,
    Instant end,
    int account,
    double confidence,
    String reason) {
  public Appointment {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
    }
    Objects.requireNonNull(reason, "reason");
  }
}
