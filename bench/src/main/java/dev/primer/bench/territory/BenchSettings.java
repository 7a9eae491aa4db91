package dev.primer.bench.territory;

/**
 * What the assignment benchmark runs on.
 *
 * @param points how many points to assign per run
 * @param territories how many territories to generate
 * @param seed seed of the generated territories and points
 * @param rounds timed runs per measurement; the median is reported
 * @param scanSample how many points the slow scans are timed on
 */
record BenchSettings(int points, int territories, long seed, int rounds, int scanSample) {
  BenchSettings {
    if (points < 1) {
      throw new IllegalArgumentException("points must be >= 1, was " + points);
    }
    if (territories < 2) {
      throw new IllegalArgumentException("territories must be >= 2, was " + territories);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
    }
    if (scanSample < 1 || scanSample > points) {
      throw new IllegalArgumentException(
          "scanSample must be within [1, points=" + points + "], was " + scanSample);
    }
  }
}
