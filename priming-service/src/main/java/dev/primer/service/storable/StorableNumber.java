package dev.primer.service.storable;

import java.util.Optional;

/**
 * Numbers the service stores: versions up to 2^53 - 1 (the largest integer every JSON reader holds
 * exactly, and far enough from 2^63 that incrementing never overflows) and sizes up to 1 TiB (so
 * that sums over a whole manifest stay far inside a long).
 */
public final class StorableNumber {
  /** The largest record version accepted. */
  public static final long MAX_VERSION = (1L << 53) - 1;

  /** The largest record size accepted, in bytes. */
  public static final long MAX_SIZE_BYTES = 1L << 40;

  private StorableNumber() {}

  /** What is wrong with {@code version}, if anything (versions start at 1). */
  public static Optional<String> versionProblem(long version) {
    return within(version, 1, MAX_VERSION);
  }

  /** What is wrong with {@code sizeBytes}, if anything (sizes start at 1). */
  public static Optional<String> sizeProblem(long sizeBytes) {
    return within(sizeBytes, 1, MAX_SIZE_BYTES);
  }

  private static Optional<String> within(long value, long min, long max) {
    if (value < min || value > max) {
      return Optional.of("must be within " + min + ".." + max + ", was " + value);
    }
    return Optional.empty();
  }
}
