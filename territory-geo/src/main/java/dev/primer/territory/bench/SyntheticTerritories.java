package dev.primer.territory.bench;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.Wgs84;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Generates territories that look like hand-drawn sales territories, deterministically for a seed:
 * Voronoi cells over a region the size of the contiguous United States, densified to 50–500
 * vertices each (log-uniform), bent by a smooth warp so borders wiggle, with a few enclaves (a hole
 * in one territory, an extra polygon in its neighbour) and a few territories grown over their
 * neighbours so some points fall in two.
 */
public final class SyntheticTerritories {
  /** Longitude -124..-67, latitude 25..49: roughly the contiguous United States. */
  public static final Envelope REGION = new Envelope(-124, -67, 25, 49);

  /** Share of territories that get an enclave carved out and given to a neighbour. */
  static final double ENCLAVE_SHARE = 0.03;

  /** Share of territories grown over their neighbours. */
  static final double OVERLAP_SHARE = 0.02;

  private static final GeometryFactory FACTORY = Wgs84.geometryFactory();

  private SyntheticTerritories() {}

  /** {@code count} territories with ids {@code T0001...}, sorted by id. */
  public static List<Territory> generate(int count, long seed) {
    if (count < 2) {
      throw new IllegalArgumentException("count must be >= 2, was " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Coordinate> sites = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sites.add(
          new Coordinate(
              random.nextDouble(REGION.getMinX(), REGION.getMaxX()),
              random.nextDouble(REGION.getMinY(), REGION.getMaxY())));
    }
    Geometry[] shapes = cells(sites);
    Warp warp = new Warp(random);
    for (int i = 0; i < count; i++) {
      double vertices = Math.exp(random.nextDouble(Math.log(50), Math.log(500)));
      Geometry dense = Densifier.densify(shapes[i], shapes[i].getLength() / vertices);
      shapes[i] = warp.apply(dense);
    }
    addEnclaves(shapes, sites, random);
    growSome(shapes, random);

    int digits = String.valueOf(count).length();
    List<Territory> territories = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String number = String.format("%0" + digits + "d", i + 1);
      territories.add(new Territory("T" + number, "Territory " + (i + 1), shapes[i]));
    }
    return List.copyOf(territories);
  }

  /**
   * {@code count} points spread evenly over the region and a 2 % margin around it, so a few fall
   * outside every territory.
   */
  public static List<GeoPoint> points(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    Envelope area = new Envelope(REGION);
    area.expandBy(REGION.getWidth() * 0.02, REGION.getHeight() * 0.02);
    List<GeoPoint> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      points.add(
          new GeoPoint(
              random.nextDouble(area.getMinY(), area.getMaxY()),
              random.nextDouble(area.getMinX(), area.getMaxX())));
    }
    return points;
  }

  /** The Voronoi cell of each site, in site order, clipped to the region. */
  private static Geometry[] cells(List<Coordinate> sites) {
    VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
    voronoi.setSites(sites);
    voronoi.setClipEnvelope(REGION);
    Geometry diagram = voronoi.getDiagram(FACTORY);
    Geometry region = FACTORY.toGeometry(REGION);
    Geometry[] cells = new Geometry[sites.size()];
    // The diagram does not keep site order; each cell carries its site as user data.
    List<Integer> order = new ArrayList<>(sites.size());
    for (int i = 0; i < sites.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> sites.get(a).compareTo(sites.get(b)));
    for (int c = 0; c < diagram.getNumGeometries(); c++) {
      Geometry cell = diagram.getGeometryN(c);
      Coordinate site = (Coordinate) cell.getUserData();
      int index = siteIndex(sites, order, site);
      // The builder already clips to the region; overlay only what still sticks out.
      cells[index] =
          REGION.contains(cell.getEnvelopeInternal())
              ? cell
              : OverlayNGRobust.overlay(cell, region, OverlayNG.INTERSECTION);
    }
    return cells;
  }

  private static int siteIndex(List<Coordinate> sites, List<Integer> order, Coordinate site) {
    int low = 0;
    int high = order.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int comparison = sites.get(order.get(middle)).compareTo(site);
      if (comparison == 0) {
        return order.get(middle);
      }
      if (comparison < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    throw new IllegalStateException("Voronoi cell without its site " + site);
  }

  /** Carves a disc out of some territories and gives it to the territory of the nearest site. */
  private static void addEnclaves(
      Geometry[] shapes, List<Coordinate> sites, SplittableRandom random) {
    for (int i = 0; i < shapes.length; i++) {
      if (random.nextDouble() >= ENCLAVE_SHARE) {
        continue;
      }
      double radius = 0.15 * Math.sqrt(shapes[i].getArea());
      Geometry disc = FACTORY.createPoint(sites.get(i)).buffer(radius, 8);
      if (!(shapes[i] instanceof Polygon) || !shapes[i].contains(disc)) {
        continue; // already given an enclave, or too thin around its site to hold one
      }
      int neighbour = nearestOtherSite(sites, i);
      shapes[i] = OverlayNGRobust.overlay(shapes[i], disc, OverlayNG.DIFFERENCE);
      shapes[neighbour] = withPolygon(shapes[neighbour], (Polygon) disc);
    }
  }

  /** The shape as a MultiPolygon with one more polygon. */
  private static MultiPolygon withPolygon(Geometry shape, Polygon extra) {
    List<Polygon> parts = new ArrayList<>();
    for (int p = 0; p < shape.getNumGeometries(); p++) {
      parts.add((Polygon) shape.getGeometryN(p));
    }
    parts.add(extra);
    return FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  private static int nearestOtherSite(List<Coordinate> sites, int i) {
    int nearest = -1;
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < sites.size(); j++) {
      double distance = sites.get(i).distance(sites.get(j));
      if (j != i && distance < best) {
        best = distance;
        nearest = j;
      }
    }
    return nearest;
  }

  /** Grows a few territories by a small margin so they overlap their neighbours. */
  private static void growSome(Geometry[] shapes, SplittableRandom random) {
    for (int i = 0; i < shapes.length; i++) {
      if (random.nextDouble() < OVERLAP_SHARE && shapes[i] instanceof Polygon) {
        shapes[i] = shapes[i].buffer(0.02, 2);
      }
    }
  }

  /**
   * A smooth, one-to-one bend of the plane: each point moves by a few hundredths of a degree along
   * sine waves with random phases. The waves are gentle enough (slope well below 1) that no polygon
   * folds over itself, and neighbours that share a border still share it.
   */
  private static final class Warp implements CoordinateSequenceFilter {
    private final double[] phases = new double[4];

    Warp(SplittableRandom random) {
      for (int i = 0; i < phases.length; i++) {
        phases[i] = random.nextDouble(0, 2 * Math.PI);
      }
    }

    Geometry apply(Geometry geometry) {
      Geometry warped = geometry.copy();
      warped.apply(this);
      return warped;
    }

    @Override
    public void filter(CoordinateSequence sequence, int i) {
      double x = sequence.getX(i);
      double y = sequence.getY(i);
      double tau = 2 * Math.PI;
      double dx =
          0.03 * Math.sin(tau * y / 0.9 + phases[0])
              + 0.01 * Math.sin(tau * (x - y) / 0.3 + phases[1]);
      double dy =
          0.03 * Math.sin(tau * x / 0.9 + phases[2])
              + 0.01 * Math.sin(tau * (x + y) / 0.3 + phases[3]);
      sequence.setOrdinate(i, 0, x + dx);
      sequence.setOrdinate(i, 1, y + dy);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
