package dev.primer.protocol.telemetry;

import dev.primer.protocol.RejectedLine;
import java.util.List;

/**
 * The answer to a telemetry upload.
 *
 * @param accepted events stored
 * @param duplicates events already stored under their id (a resend)
 * @param rejected the lines refused, and why
 */
public record TelemetryAnswer(int accepted, int duplicates, List<RejectedLine> rejected) {
  public TelemetryAnswer {
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }
}
