package dev.primer.territory.validation;

import dev.primer.territory.Degrees;
import dev.primer.territory.Geodesy;
import dev.primer.territory.Territory;
import dev.primer.territory.Wgs84;
import dev.primer.territory.validation.CoordinateRange.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.GeometryFilter;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Opt-in repair of territory geometries, saying what it changed: swaps latitude and longitude back
 * when every position looks swapped, makes invalid geometries valid with JTS's {@link
 * GeometryFixer}, and splits shapes that run past the antimeridian at ±180.
 *
 * <p>Ids, names and properties are never changed; duplicate ids and coordinates beyond repair are
 * left for the validator to report.
 */
public final class TerritoryRepair {
  private static final GeometryFactory FACTORY = Wgs84.geometryFactory();

  private TerritoryRepair() {}

  /** Repairs every territory that needs it; the others come back as they were. */
  public static RepairResult repair(List<Territory> territories) {
    List<Territory> repaired = new ArrayList<>(territories.size());
    List<RepairChange> changes = new ArrayList<>();
    for (Territory territory : territories) {
      repaired.add(repair(territory, changes));
    }
    return new RepairResult(repaired, changes);
  }

  private static Territory repair(Territory territory, List<RepairChange> changes) {
    Geometry geometry = territory.geometry();
    if (geometry.isEmpty()) {
      return territory;
    }
    Diagnosis range = CoordinateRange.diagnose(geometry);
    if (range == Diagnosis.SWAPPED) {
      geometry = swapAxes(geometry);
      changes.add(
          new RepairChange(
              territory.id(),
              "swapped latitude and longitude, positions were [latitude, longitude]"));
    }
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      Geometry fixed = polygonal(GeometryFixer.fix(geometry, true));
      if (fixed.isEmpty()) {
        // Nothing would be left: keep the shape so the admin sees the original problem.
        return territory.withGeometry(geometry);
      }
      // An invalid shape has no meaningful area (a bow tie's halves cancel), so only the result's.
      changes.add(
          new RepairChange(
              territory.id(),
              String.format(
                  Locale.ROOT,
                  "made valid (%s): polygons %d -> %d, vertices %d -> %d, area now %s km²",
                  describe(error),
                  geometry.getNumGeometries(),
                  fixed.getNumGeometries(),
                  geometry.getNumPoints(),
                  fixed.getNumPoints(),
                  km2(fixed))));
      geometry = fixed;
    }
    if (range == Diagnosis.PAST_ANTIMERIDIAN) {
      Geometry split = splitAtAntimeridian(geometry);
      changes.add(
          new RepairChange(
              territory.id(),
              "split at the antimeridian, parts past ±180 moved by 360° of longitude: "
                  + compare(geometry, split)));
      geometry = split;
    }
    return geometry == territory.geometry() ? territory : territory.withGeometry(geometry);
  }

  private static String describe(TopologyValidationError error) {
    Coordinate at = error.getCoordinate();
    String what = error.getMessage().toLowerCase(Locale.ROOT);
    return at == null
        ? what
        : what + " at lat " + Degrees.format(at.y) + ", lon " + Degrees.format(at.x);
  }

  /** How the shape changed, in the terms an admin checks: polygons, vertices and area. */
  private static String compare(Geometry before, Geometry after) {
    return String.format(
        Locale.ROOT,
        "polygons %d -> %d, vertices %d -> %d, area %s -> %s km²",
        before.getNumGeometries(),
        after.getNumGeometries(),
        before.getNumPoints(),
        after.getNumPoints(),
        km2(before),
        km2(after));
  }

  private static String km2(Geometry geometry) {
    double area = Geodesy.areaKm2(geometry);
    return area >= 100
        ? String.format(Locale.ROOT, "%.0f", area)
        : String.format(Locale.ROOT, "%.3f", area);
  }

  private static Geometry swapAxes(Geometry geometry) {
    // Reflecting in the line y = x swaps the axes; the writer winds the rings again.
    return AffineTransformation.reflectionInstance(1, 1).transform(geometry);
  }

  /**
   * Cuts the shape into the slices that lie one turn west of, on, and one turn east of the [-180,
   * 180] band and moves the outer slices by 360° so all of it lies within the band.
   */
  static Geometry splitAtAntimeridian(Geometry geometry) {
    List<Polygon> parts = new ArrayList<>();
    for (int turn = -1; turn <= 1; turn++) {
      Envelope band = new Envelope(-180 + 360 * turn, 180 + 360 * turn, -90, 90);
      Geometry slice =
          OverlayNGRobust.overlay(geometry, FACTORY.toGeometry(band), OverlayNG.INTERSECTION);
      if (!slice.isEmpty()) {
        Geometry moved =
            AffineTransformation.translationInstance(-360.0 * turn, 0).transform(slice);
        parts.addAll(polygonsOf(moved));
      }
    }
    return asPolygonal(parts);
  }

  /** Only the areas of a fixer's result: collapsed lines and points have no territory. */
  private static Geometry polygonal(Geometry geometry) {
    return asPolygonal(polygonsOf(geometry));
  }

  private static List<Polygon> polygonsOf(Geometry geometry) {
    List<Polygon> polygons = new ArrayList<>();
    geometry.apply(
        (GeometryFilter)
            component -> {
              if (component instanceof Polygon polygon && !polygon.isEmpty()) {
                polygons.add(polygon);
              }
            });
    return polygons;
  }

  private static Geometry asPolygonal(List<Polygon> polygons) {
    return polygons.size() == 1
        ? polygons.get(0)
        : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }
}
