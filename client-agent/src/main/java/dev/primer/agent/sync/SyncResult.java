package dev.primer.agent.sync;

import dev.primer.protocol.ByteSizes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a sync did.
 *
 * @param outcome how it ended
 * @param generation the generation now visible (0 when none)
 * @param records records downloaded and stored
 * @param contentBytes content bytes stored
 * @param wireBytes body bytes received over the network, compressed as sent
 * @param evicted records that left the manifest and were removed
 * @param visible records the rep can open now
 * @param manifestSize entries in the visible generation's manifest
 * @param refused records refused because their content did not match the manifest's sha256
 * @param cutReason why the sync stopped early, if it did
 * @param eventsSent access events the service accepted (or already had)
 * @param elapsed wall time
 */
public record SyncResult(
    Outcome outcome,
    long generation,
    long records,
    long contentBytes,
    long wireBytes,
    int evicted,
    long visible,
    long manifestSize,
    List<String> refused,
    Optional<String> cutReason,
    int eventsSent,
    Duration elapsed) {

  /** How a sync ended. */
  public enum Outcome {
    /** The service had nothing new. */
    UP_TO_DATE,
    /** The new generation is complete on the device. */
    COMPLETE,
    /** Stopped early; the most valuable part of the new generation is visible. */
    CUT_OFF
  }

  /** One line for the rep. */
  public String summary() {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    String head =
        switch (outcome) {
          case UP_TO_DATE -> "up to date";
          case COMPLETE -> "complete";
          case CUT_OFF -> "cut off (" + cutReason.orElse("stopped") + ")";
        };
    return String.format(
        Locale.ROOT,
        "sync %s: generation %d, %,d of %,d records on device; downloaded %,d records (%s) in %.1fs,"
            + " %s over the wire, %.0f records/s; evicted %,d; refused %d%s; %d events sent",
        head,
        generation,
        visible,
        manifestSize,
        records,
        ByteSizes.human(contentBytes),
        seconds,
        ByteSizes.human(wireBytes),
        records / seconds,
        evicted,
        refused.size(),
        refused.isEmpty() ? "" : " " + refused.subList(0, Math.min(3, refused.size())),
        eventsSent);
  }
}
