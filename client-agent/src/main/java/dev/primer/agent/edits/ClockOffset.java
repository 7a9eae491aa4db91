package dev.primer.agent.edits;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The device clock's offset from the service's, measured at one contact: the service's time in its
 * answer minus the device's clock at the round trip's midpoint (the service answered somewhere in
 * between; the midpoint errs by at most half the round trip).
 */
public final class ClockOffset {
  private ClockOffset() {}

  /**
   * Service time minus device time, in milliseconds; empty when the answer carries no readable time
   * or the round trip runs backwards (the device clock was set back meanwhile).
   */
  public static Optional<Long> measure(Instant sent, Instant answered, String serverTime) {
    if (answered.isBefore(sent) || serverTime.isEmpty()) {
      return Optional.empty();
    }
    Instant server;
    try {
      server = Instant.parse(serverTime);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    long midpoint = sent.toEpochMilli() + (answered.toEpochMilli() - sent.toEpochMilli()) / 2;
    return Optional.of(server.toEpochMilli() - midpoint);
  }
}
