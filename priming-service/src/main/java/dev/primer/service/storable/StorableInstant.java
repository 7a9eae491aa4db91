package dev.primer.service.storable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Times the service stores: from 1900-01-01T00:00:00Z up to but excluding 10000-01-01T00:00:00Z.
 * PostgreSQL's timestamptz holds 4713 BC to 294276 AD, Java's Instant far more, and an epoch in
 * milliseconds overflows near the ends of Instant; no CRM record, visit or device event falls
 * outside years 1900..9999, and inside them every layer (ISO-8601 text with four-digit years, JDBC,
 * SQL) agrees on the value.
 */
public final class StorableInstant {
  /** The earliest time accepted. */
  public static final Instant MIN = Instant.parse("1900-01-01T00:00:00Z");

  /** The first time no longer accepted. */
  public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 9999;

  private StorableInstant() {}

  /** What is wrong with {@code at} as a stored time, if anything. */
  public static Optional<String> problem(Instant at) {
    if (at.isBefore(MIN) || !at.isBefore(END)) {
      return Optional.of(
          "must be within years " + MIN_YEAR + ".." + MAX_YEAR + " (UTC), was " + year(at));
    }
    return Optional.empty();
  }

  private static String year(Instant at) {
    try {
      return "year " + at.atOffset(ZoneOffset.UTC).getYear();
    } catch (DateTimeException e) {
      // Instant reaches a year further than OffsetDateTime does.
      return at.toString();
    }
  }

  /**
   * The same for a time with an offset; the instant it names is what counts. Its year is looked at
   * first: near the ends of OffsetDateTime's range the instant itself does not exist.
   */
  public static Optional<String> problem(OffsetDateTime at) {
    if (at.getYear() < MIN_YEAR - 1 || at.getYear() > MAX_YEAR + 1) {
      return Optional.of(
          "must be within years "
              + MIN_YEAR
              + ".."
              + MAX_YEAR
              + " (UTC), was year "
              + at.getYear());
    }
    return problem(at.toInstant());
  }
}
