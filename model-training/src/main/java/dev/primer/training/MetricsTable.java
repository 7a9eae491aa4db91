package dev.primer.training;

import dev.primer.core.evaluation.SelectorMetrics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Evaluation results as a text table for people and as CSV for tools. */
public final class MetricsTable {
  /** The CSV header other tools depend on. */
  public static final String CSV_HEADER =
      "selector,budget_bytes,hit_rate,byte_hit_rate,wasted_bytes,user_days";

  private MetricsTable() {}

  public static String csv(List<SelectorMetrics> metrics) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
    for (SelectorMetrics m : metrics) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%.6f,%.6f,%.0f,%d%n",
              m.selector(),
              m.budgetBytes(),
              m.hitRate(),
              m.byteHitRate(),
              m.wastedBytesPerUserDay(),
              m.userDays()));
    }
    return out.toString();
  }

  /** Hit rate (byte hit rate) per selector and budget, plus wasted MB and records per user-day. */
  public static String text(List<SelectorMetrics> metrics, List<Long> budgets) {
    Set<String> selectors = new LinkedHashSet<>();
    metrics.forEach(m -> selectors.add(m.selector()));
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-13s", "selector"));
    for (long b : budgets) {
      out.append(
          String.format(
              Locale.ROOT, " | %-34s", Budgets.format(b) + ": hit (bytes) waste/day recs/day"));
    }
    out.append('\n');
    for (String s : selectors) {
      out.append(String.format(Locale.ROOT, "%-13s", s));
      for (long b : budgets) {
        SelectorMetrics m =
            metrics.stream()
                .filter(x -> x.selector().equals(s) && x.budgetBytes() == b)
                .findFirst()
                .orElseThrow();
        out.append(
            String.format(
                Locale.ROOT,
                " | %5.1f%% (%5.1f%%) %7.1fMB %7.0f  ",
                100 * m.hitRate(),
                100 * m.byteHitRate(),
                m.wastedBytesPerUserDay() / (1 << 20),
                m.recordsPerUserDay()));
      }
      out.append('\n');
    }
    long userDays = metrics.isEmpty() ? 0 : metrics.get(0).userDays();
    out.append(
        String.format(
            Locale.ROOT,
            "%,d user-days; hit = share of accessed records on the device%n",
            userDays));
    return out.toString();
  }
}
