package dev.primer.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The contents of dataset.json: how a data set was made and what it holds. */
public record DataSetInfo(
    String generator,
    long seed,
    String scale,
    LocalDate startDate,
    int days,
    Map<String, Long> counts,
    JsonNode behaviour) {
  public DataSetInfo {
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(startDate, "startDate");
    if (days <= 0) {
      throw new IllegalArgumentException("days must be > 0, was " + days);
    }
    // Sorted, so that dataset.json is byte-identical from one run to the next.
    counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    Objects.requireNonNull(behaviour, "behaviour");
  }

  /** The first day after the data set: days are [startDate, endDate). */
  public LocalDate endDate() {
    return startDate.plusDays(days);
  }
}
