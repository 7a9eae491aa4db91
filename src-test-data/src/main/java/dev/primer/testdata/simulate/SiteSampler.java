package dev.primer.testdata.simulate;

import dev.primer.testdata.generate.Rng;
import dev.primer.testdata.org.Organisation;
import java.util.Arrays;
import java.util.List;

/** Draws a site with probability proportional to its activity, in logarithmic time. */
final class SiteSampler {
  private final int[] sites;
  private final double[] cumulative;

  SiteSampler(Organisation organisation, List<Integer> sites) {
    this.sites = sites.stream().mapToInt(Integer::intValue).toArray();
    this.cumulative = new double[this.sites.length];
    double total = 0;
    for (int i = 0; i < this.sites.length; i++) {
      total += organisation.site(this.sites[i]).activity();
      cumulative[i] = total;
    }
  }

  int sample(Rng rng) {
    double x = rng.uniform() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, x);
    return sites[Math.min(sites.length - 1, i >= 0 ? i : -i - 1)];
  }
}
