package dev.primer.testdata.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random streams. Each part of the generator draws from its own stream, keyed by the seed, a
 * name and an index, so that a change in one part never shifts the numbers of another.
 */
public final class Rng {
  private final SplittableRandom random;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The stream for {@code name} and {@code index} under {@code seed}. */
  public static Rng of(long seed, String name, long index) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return new Rng(mix(h ^ mix(index + 0x632BE59BD9B4E019L)));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public double uniform() {
    return random.nextDouble();
  }

  public double uniform(double min, double max) {
    return min + (max - min) * random.nextDouble();
  }

  /** An int in [min, max], both inclusive. */
  public int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  public int below(int bound) {
    return random.nextInt(bound);
  }

  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  public double gaussian() {
    return random.nextGaussian();
  }

  /** A log-normal draw whose mean is 1. */
  public double lognormalMeanOne(double sigma) {
    return Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
  }

  /** A Poisson draw (Knuth for small means, a rounded normal for large ones). */
  public int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    int k = 0;
    double p = random.nextDouble();
    while (p > limit) {
      k++;
      p *= random.nextDouble();
    }
    return k;
  }

  public <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** An index drawn with probability proportional to {@code weights[i]}. */
  public int weighted(double[] weights, int count) {
    double total = 0;
    for (int i = 0; i < count; i++) {
      total += weights[i];
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < count; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return count - 1;
  }

  /** A long for seeding a dependent stream. */
  public long nextLong() {
    return random.nextLong();
  }
}
