package dev.primer.protocol.telemetry;

import java.util.List;

/**
 * The answer to a telemetry upload.
 *
 * @param accepted events stored
 * @param duplicates events already stored under their id (a resend)
 * @param rejected the lines refused, and why
 */
public record TelemetryAnswer(int accepted, int duplicates, List<Rejected> rejected) {
  public TelemetryAnswer {
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }

  /** A line of the upload that was refused: its number (from 1) and why. */
  public record Rejected(int line, String reason) {}
}
