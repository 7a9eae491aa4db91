package dev.primer.core.scoring;

/**
 * What reading one bundle may cost, enforced while the zip streams (the sizes its headers claim are
 * not trusted): bytes after decompression over all entries, and entries.
 *
 * @param maxUncompressedBytes bytes all entries may inflate to together
 * @param maxEntries entries the zip may hold (a bundle has five)
 */
public record BundleLimits(long maxUncompressedBytes, int maxEntries) {
  /** 256 MiB and 16 entries: far above a trained bundle, far below what hurts a 1 GiB heap. */
  public static final BundleLimits DEFAULTS = new BundleLimits(256L * 1024 * 1024, 16);

  public BundleLimits {
    if (maxUncompressedBytes < 1) {
      throw new IllegalArgumentException(
          "maxUncompressedBytes must be >= 1, was " + maxUncompressedBytes);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1, was " + maxEntries);
    }
  }
}
