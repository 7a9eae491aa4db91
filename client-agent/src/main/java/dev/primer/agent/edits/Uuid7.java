package dev.primer.agent.edits;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids made later sort
 * later. Java 17's {@link UUID} makes only version 4 and 3; this is the few lines it lacks.
 */
public final class Uuid7 {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Uuid7() {}

  /** A new id for the time {@code clock} says. */
  public static UUID next(Clock clock) {
    return at(clock.instant());
  }

  /** A new id for {@code time}. */
  public static UUID at(Instant time) {
    return of(time.toEpochMilli(), RANDOM.nextLong(), RANDOM.nextLong());
  }

  /**
   * The id of {@code millis} with the given random bits (the version and variant set over them).
   */
  static UUID of(long millis, long randA, long randB) {
    long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randA & 0x0FFFL);
    long low = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  /** The Unix milliseconds a version-7 id carries. */
  static long millis(UUID id) {
    return id.getMostSignificantBits() >>> 16;
  }
}
