package dev.primer.territory.coverage;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import dev.primer.territory.NamedPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.Wgs84;
import dev.primer.territory.index.TerritoryIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Analyses how territories cover the map for admins: pairwise overlaps with their area, gaps inside
 * the convex hull of the territories, and how points (accounts) fall among them.
 */
public final class CoverageAnalysis {
  /**
   * One hectare: neighbouring territories digitised separately leave slivers far smaller than this,
   * which are counted but not listed.
   */
  public static final double DEFAULT_MIN_AREA_KM2 = 0.01;

  private final double minAreaKm2;

  /** An analysis that lists overlaps and gaps of at least {@link #DEFAULT_MIN_AREA_KM2}. */
  public CoverageAnalysis() {
    this(DEFAULT_MIN_AREA_KM2);
  }

  /** An analysis that lists overlaps and gaps of at least {@code minAreaKm2}. */
  public CoverageAnalysis(double minAreaKm2) {
    if (!(minAreaKm2 >= 0) || Double.isInfinite(minAreaKm2)) {
      throw new IllegalArgumentException(
          "minAreaKm2 must be a finite number >= 0, was " + minAreaKm2);
    }
    this.minAreaKm2 = minAreaKm2;
  }

  /** Overlaps and gaps of the territories. */
  public CoverageReport analyze(List<Territory> territories) {
    return analyze(territories, Optional.empty());
  }

  /**
   * Overlaps and gaps of the territories, and where the points fall among them.
   *
   * @throws IllegalArgumentException when territory ids are not unique (points need an index)
   */
  public CoverageReport analyze(List<Territory> territories, List<NamedPoint> points) {
    return analyze(territories, Optional.of(points));
  }

  private CoverageReport analyze(List<Territory> territories, Optional<List<NamedPoint>> points) {
    List<String> repaired = new ArrayList<>();
    List<Geometry> shapes = new ArrayList<>(territories.size());
    for (Territory territory : territories) {
      Geometry geometry = territory.geometry();
      if (!geometry.isValid()) {
        // Overlay needs valid input; the validator reports the original problem.
        geometry = GeometryFixer.fix(geometry);
        repaired.add(territory.id());
      }
      shapes.add(geometry);
    }
    List<Overlap> overlaps = new ArrayList<>();
    int smallerOverlaps = overlaps(territories, shapes, overlaps);

    Geometry union =
        shapes.isEmpty()
            ? Wgs84.geometryFactory().createMultiPolygon()
            : OverlayNGRobust.union(shapes);
    Geometry hull = union.convexHull();
    List<Gap> gaps = new ArrayList<>();
    int smallerGaps = gaps(union, hull, gaps);

    return new CoverageReport(
        territories.size(),
        Geodesy.areaKm2(union),
        Geodesy.areaKm2(hull),
        minAreaKm2,
        overlaps,
        smallerOverlaps,
        gaps,
        smallerGaps,
        repaired,
        points.map(list -> pointCoverage(territories, list)));
  }

  /** Adds the listed overlaps and returns how many smaller ones there were. */
  private int overlaps(List<Territory> territories, List<Geometry> shapes, List<Overlap> out) {
    STRtree tree = new STRtree();
    for (int i = 0; i < shapes.size(); i++) {
      tree.insert(shapes.get(i).getEnvelopeInternal(), i);
    }
    int smaller = 0;
    for (int i = 0; i < shapes.size(); i++) {
      PreparedGeometry first = PreparedGeometryFactory.prepare(shapes.get(i));
      List<Integer> candidates = new ArrayList<>();
      tree.query(shapes.get(i).getEnvelopeInternal(), item -> candidates.add((Integer) item));
      candidates.sort(Comparator.naturalOrder());
      for (int j : candidates) {
        if (j <= i || !first.intersects(shapes.get(j))) {
          continue;
        }
        Geometry shared =
            OverlayNGRobust.overlay(shapes.get(i), shapes.get(j), OverlayNG.INTERSECTION);
        double area = Geodesy.areaKm2(shared);
        if (area == 0) {
          continue; // neighbours touching along a border share no area
        }
        if (area < minAreaKm2) {
          smaller++;
          continue;
        }
        String a = territories.get(i).id();
        String b = territories.get(j).id();
        out.add(
            new Overlap(
                a.compareTo(b) <= 0 ? a : b,
                a.compareTo(b) <= 0 ? b : a,
                area,
                GeoPoint.of(shared.getInteriorPoint().getCoordinate())));
      }
    }
    out.sort(
        Comparator.comparingDouble(Overlap::areaKm2)
            .reversed()
            .thenComparing(Overlap::firstId)
            .thenComparing(Overlap::secondId));
    return smaller;
  }

  /** Adds the listed gaps and returns how many smaller ones there were. */
  private int gaps(Geometry union, Geometry hull, List<Gap> out) {
    Geometry uncovered = OverlayNGRobust.overlay(hull, union, OverlayNG.DIFFERENCE);
    Geometry hullEdge = hull.getBoundary();
    int smaller = 0;
    for (int i = 0; i < uncovered.getNumGeometries(); i++) {
      Geometry gap = uncovered.getGeometryN(i);
      double area = Geodesy.areaKm2(gap);
      if (area == 0) {
        continue;
      }
      if (area < minAreaKm2) {
        smaller++;
        continue;
      }
      out.add(
          new Gap(
              area,
              GeoPoint.of(gap.getInteriorPoint().getCoordinate()),
              !gap.intersects(hullEdge)));
    }
    out.sort(
        Comparator.comparing((Gap gap) -> !gap.enclosed())
            .thenComparing(Comparator.comparingDouble(Gap::areaKm2).reversed()));
    return smaller;
  }

  private static PointCoverage pointCoverage(List<Territory> territories, List<NamedPoint> points) {
    TerritoryIndex index = TerritoryIndex.of(territories);
    Map<String, Integer> counts = new HashMap<>();
    territories.forEach(territory -> counts.put(territory.id(), 0));
    List<String> unassigned = new ArrayList<>();
    List<List<String>> assignments =
        index.assignAll(points.stream().map(NamedPoint::position).toList());
    for (int i = 0; i < points.size(); i++) {
      if (assignments.get(i).isEmpty()) {
        unassigned.add(points.get(i).id());
      }
      assignments.get(i).forEach(id -> counts.merge(id, 1, Integer::sum));
    }
    return new PointCoverage(points.size(), counts, unassigned);
  }
}
