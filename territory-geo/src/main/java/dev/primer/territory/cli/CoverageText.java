package dev.primer.territory.cli;

import dev.primer.territory.Degrees;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.coverage.CoverageReport;
import dev.primer.territory.coverage.Gap;
import dev.primer.territory.coverage.Overlap;
import dev.primer.territory.coverage.PointCoverage;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Prints a coverage report for people: a summary line per section, then the largest entries. */
final class CoverageText {
  private CoverageText() {}

  static void print(CoverageReport report, int limit, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "territories: %d, covering %s km² (convex hull %s km²)%n",
        report.territoryCount(),
        km2(report.coveredAreaKm2()),
        km2(report.hullAreaKm2()));
    if (!report.repairedForAnalysis().isEmpty()) {
      out.println(
          "measured after repairing invalid territories in memory (see validate): "
              + String.join(", ", report.repairedForAnalysis()));
    }

    out.printf(
        Locale.ROOT,
        "overlaps: %d of %s km² or more, %d smaller%n",
        report.overlaps().size(),
        plain(report.minAreaKm2()),
        report.smallerOverlaps());
    List<Overlap> overlaps = report.overlaps();
    for (Overlap overlap : overlaps.subList(0, Math.min(limit, overlaps.size()))) {
      out.printf(
          Locale.ROOT,
          "  %s and %s share %s km²%s%n",
          overlap.firstId(),
          overlap.secondId(),
          km2(overlap.areaKm2()),
          around(overlap.representativePoint()));
    }
    more(overlaps.size(), limit, out);

    long enclosed = report.gaps().stream().filter(Gap::enclosed).count();
    out.printf(
        Locale.ROOT,
        "gaps inside the hull: %d of %s km² or more (%d enclosed by territories), %d smaller%n",
        report.gaps().size(),
        plain(report.minAreaKm2()),
        enclosed,
        report.smallerGaps());
    List<Gap> gaps = report.gaps();
    for (Gap gap : gaps.subList(0, Math.min(limit, gaps.size()))) {
      out.printf(
          Locale.ROOT,
          "  %-8s %s km²%s%n",
          gap.enclosed() ? "enclosed" : "open",
          km2(gap.areaKm2()),
          around(gap.representativePoint()));
    }
    more(gaps.size(), limit, out);

    report.points().ifPresent(points -> printPoints(points, limit, out));
    out.flush();
  }

  private static void printPoints(PointCoverage points, int limit, PrintWriter out) {
    List<String> unassigned = points.unassignedPointIds();
    out.printf(
        Locale.ROOT, "points: %d, %d in no territory%n", points.pointCount(), unassigned.size());
    if (!unassigned.isEmpty()) {
      out.println(
          "  in no territory: "
              + String.join(
                  ", ",
                  unassigned.subList(0, Math.min(limit, unassigned.size())).stream()
                      .map(PointsCsv::quote)
                      .toList())
              + (unassigned.size() > limit
                  ? ", ... " + (unassigned.size() - limit) + " more"
                  : ""));
    }
    out.println("points per territory:");
    int width =
        points.pointsPerTerritory().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, Integer> count : points.pointsPerTerritory().entrySet()) {
      out.printf(
          Locale.ROOT, "  %-" + Math.max(width, 1) + "s %d%n", count.getKey(), count.getValue());
    }
  }

  private static void more(int size, int limit, PrintWriter out) {
    if (size > limit) {
      out.printf(Locale.ROOT, "  ... %d more (--limit)%n", size - limit);
    }
  }

  private static String around(Optional<GeoPoint> point) {
    return point
        .map(
            p ->
                ", around lat "
                    + Degrees.format(round(p.lat()))
                    + ", lon "
                    + Degrees.format(round(p.lon())))
        .orElse("");
  }

  /** Five decimals (about a metre) is plenty to find a spot on a map. */
  private static double round(double degrees) {
    return Math.round(degrees * 1e5) / 1e5;
  }

  private static String plain(double number) {
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }

  private static String km2(double area) {
    if (area >= 100) {
      return String.format(Locale.ROOT, "%,.0f", area);
    }
    return String.format(Locale.ROOT, area >= 1 ? "%.2f" : "%.4f", area);
  }
}
