package dev.primer.service.precompute;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The progress of the newest precompute run.
 *
 * @param state {@code none} (never ran), {@code running} or {@code finished}
 * @param usersDone users whose selections are stored (failed ones included)
 * @param elapsedMs from start to finish, or to now while running
 * @param meanUserMs mean time to compute one user's selections in this run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrecomputeStatus(
    String state,
    Long runId,
    String trigger,
    Instant startedAt,
    Instant finishedAt,
    int users,
    int usersDone,
    int usersFailed,
    long elapsedMs,
    Double meanUserMs) {
  static PrecomputeStatus none() {
    return new PrecomputeStatus("none", null, null, null, null, 0, 0, 0, 0, null);
  }
}
