package dev.primer.testdata.geo;

import dev.primer.territory.Territory;
import dev.primer.testdata.behaviour.Behaviour;
import dev.primer.testdata.generate.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Draws a metro's sales territories the way real ones look: Voronoi cells around spread-out
 * centres, with wiggly boundaries of a few hundred vertices, some enclaves (a hole held by a
 * neighbour as a separate part), some grown into their neighbours and some shrunk away from them.
 */
public final class TerritoryPlanner {
  /** Boundary vertices are spaced about this far apart. */
  private static final double VERTEX_SPACING_KM = 0.6;

  private static final double WIGGLE_KM = 0.2;
  private static final double BUFFER_KM = 1.0;

  private final GeometryFactory geometry = new GeometryFactory();

  /** One metro's outline and territories, in kilometres around its centre. */
  public record MetroLayout(
      Metro metro, LocalProjection projection, Polygon boundaryKm, List<PlannedTerritory> list) {}

  /** A territory as drawn: its outline in kilometres and in longitude/latitude. */
  public record PlannedTerritory(
      String id, String name, Coordinate seedKm, Geometry km, Geometry lonLat) {
    /** The territory as the data set holds it. */
    public Territory territory() {
      return new Territory(id, name, lonLat);
    }
  }

  /** Draws {@code count} territories for {@code metro}, numbering their ids from {@code first}. */
  public MetroLayout plan(
      Metro metro, int count, int first, Behaviour.Territories knobs, long seed) {
    Rng rng = Rng.of(seed, "territories/" + metro.slug(), 0);
    LocalProjection projection = new LocalProjection(metro.center());
    Polygon boundary = blob(metro.radiusKm(), rng);
    List<Coordinate> seeds = spreadSeeds(boundary, metro.radiusKm(), count, rng);

    List<Geometry> cells = voronoiCells(seeds, boundary);
    Wiggle wiggle = new Wiggle(rng);
    for (int i = 0; i < cells.size(); i++) {
      cells.set(i, wiggle.apply(densify(cells.get(i))));
    }
    addEnclaves(cells, knobs.territoriesWithEnclaves(), rng);
    for (int i = 0; i < cells.size(); i++) {
      double u = rng.uniform();
      if (u < knobs.shrunkTerritories()) {
        Geometry shrunk = cells.get(i).buffer(-BUFFER_KM);
        if (!shrunk.isEmpty() && shrunk.getArea() > cells.get(i).getArea() / 3) {
          cells.set(i, shrunk);
        }
      } else if (u < knobs.shrunkTerritories() + knobs.overlappingTerritories()) {
        cells.set(i, cells.get(i).buffer(BUFFER_KM).intersection(boundary.buffer(WIGGLE_KM * 2)));
      }
    }

    List<PlannedTerritory> territories = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String id = String.format("t%04d", first + i);
      String direction = compassDirection(seeds.get(i));
      int n = names.merge(direction, 1, Integer::sum);
      String name = metro.name() + " " + direction + (n > 1 ? " " + n : "");
      Geometry km = polygonal(cells.get(i));
      territories.add(new PlannedTerritory(id, name, seeds.get(i), km, toLonLat(km, projection)));
    }
    return new MetroLayout(metro, projection, boundary, List.copyOf(territories));
  }

  /** An irregular metro outline: a circle whose radius swells and shrinks with the angle. */
  private Polygon blob(double radiusKm, Rng rng) {
    int vertices = 96;
    double phase3 = rng.uniform(0, 2 * Math.PI);
    double phase5 = rng.uniform(0, 2 * Math.PI);
    Coordinate[] ring = new Coordinate[vertices + 1];
    for (int i = 0; i < vertices; i++) {
      double angle = 2 * Math.PI * i / vertices;
      double r =
          radiusKm
              * (1 + 0.15 * Math.sin(3 * angle + phase3) + 0.08 * Math.sin(5 * angle + phase5));
      ring[i] = new Coordinate(r * Math.cos(angle), r * Math.sin(angle));
    }
    ring[vertices] = ring[0];
    return geometry.createPolygon(ring);
  }

  /** Best-candidate sampling: each new centre is the farthest of a few random tries. */
  private List<Coordinate> spreadSeeds(Polygon boundary, double radiusKm, int count, Rng rng) {
    List<Coordinate> seeds = new ArrayList<>();
    while (seeds.size() < count) {
      Coordinate best = null;
      double bestDistance = -1;
      for (int attempt = 0; attempt < 15; attempt++) {
        Coordinate c = new Coordinate(rng.uniform(-1, 1) * radiusKm, rng.uniform(-1, 1) * radiusKm);
        if (!boundary.contains(geometry.createPoint(c))) {
          continue;
        }
        double nearest = Double.MAX_VALUE;
        for (Coordinate s : seeds) {
          nearest = Math.min(nearest, s.distance(c));
        }
        if (nearest > bestDistance) {
          bestDistance = nearest;
          best = c;
        }
      }
      if (best != null) {
        seeds.add(best);
      }
    }
    return seeds;
  }

  private List<Geometry> voronoiCells(List<Coordinate> seeds, Polygon boundary) {
    List<Geometry> cells = new ArrayList<>();
    if (seeds.size() == 1) {
      cells.add(boundary);
      return cells;
    }
    VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
    builder.setSites(seeds);
    Envelope clip = new Envelope(boundary.getEnvelopeInternal());
    clip.expandBy(10);
    builder.setClipEnvelope(clip);
    Geometry diagram = builder.getDiagram(geometry);
    Map<Coordinate, Geometry> bySeed = new HashMap<>();
    for (int i = 0; i < diagram.getNumGeometries(); i++) {
      Geometry cell = diagram.getGeometryN(i);
      bySeed.put((Coordinate) cell.getUserData(), cell);
    }
    for (Coordinate seed : seeds) {
      // The diagram has one cell per seed.
      cells.add(Objects.requireNonNull(bySeed.get(seed)).intersection(boundary));
    }
    return cells;
  }

  /**
   * Adds vertices along every edge. Points on a shared edge are computed from its lexicographically
   * smaller end, so both neighbours get bit-identical vertices.
   */
  private Geometry densify(Geometry g) {
    return new GeometryTransformer() {
      @Override
      protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
          org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
        CoordinateList out = new CoordinateList();
        for (int i = 0; i < coords.size() - 1; i++) {
          Coordinate a = coords.getCoordinate(i);
          Coordinate b = coords.getCoordinate(i + 1);
          out.add(a, false);
          int n = (int) Math.ceil(a.distance(b) / VERTEX_SPACING_KM);
          boolean forward = a.compareTo(b) < 0;
          Coordinate lo = forward ? a : b;
          Coordinate hi = forward ? b : a;
          for (int k = 1; k < n; k++) {
            int j = forward ? k : n - k;
            out.add(
                new Coordinate(lo.x + (hi.x - lo.x) * j / n, lo.y + (hi.y - lo.y) * j / n), false);
          }
        }
        out.add(coords.getCoordinate(coords.size() - 1), false);
        return factory.getCoordinateSequenceFactory().create(out.toCoordinateArray());
      }
    }.transform(g);
  }

  /** Carves a small disc out of some territories and hands it to a neighbour. */
  private void addEnclaves(List<Geometry> cells, double share, Rng rng) {
    for (int i = 0; i < cells.size(); i++) {
      if (!rng.chance(share) || cells.size() < 2) {
        continue;
      }
      Geometry host = cells.get(i);
      int neighbour = -1;
      for (int j = 0; j < cells.size(); j++) {
        if (j != i && cells.get(j).distance(host) < 0.01 && !cells.get(j).equals(host)) {
          neighbour = j;
          break;
        }
      }
      if (neighbour < 0) {
        continue;
      }
      Envelope env = host.getEnvelopeInternal();
      for (int attempt = 0; attempt < 30; attempt++) {
        Point centre =
            geometry.createPoint(
                new Coordinate(
                    rng.uniform(env.getMinX(), env.getMaxX()),
                    rng.uniform(env.getMinY(), env.getMaxY())));
        double radius = rng.uniform(1.5, 3.0);
        Geometry disc = centre.buffer(radius, 8);
        if (host.contains(disc.buffer(1.0))) {
          cells.set(i, host.difference(disc));
          cells.set(neighbour, cells.get(neighbour).union(disc));
          break;
        }
      }
    }
  }

  private Geometry toLonLat(Geometry km, LocalProjection projection) {
    Geometry lonLat =
        new GeometryTransformer() {
          @Override
          protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
              org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
            Coordinate[] out = new Coordinate[coords.size()];
            for (int i = 0; i < coords.size(); i++) {
              out[i] = projection.toLonLat(coords.getCoordinate(i));
            }
            return factory.getCoordinateSequenceFactory().create(out);
          }
        }.transform(km);
    return lonLat.isValid() ? lonLat : polygonal(GeometryFixer.fix(lonLat));
  }

  /** Keeps only the polygons of a result, as a Polygon or MultiPolygon. */
  private Geometry polygonal(Geometry g) {
    if (g instanceof Polygon || g instanceof MultiPolygon) {
      return g;
    }
    List<Polygon> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygonal) {
        for (int k = 0; k < part.getNumGeometries(); k++) {
          parts.add((Polygon) part.getGeometryN(k));
        }
      }
    }
    return parts.size() == 1
        ? parts.get(0)
        : geometry.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  private static String compassDirection(Coordinate seedKm) {
    if (Math.hypot(seedKm.x, seedKm.y) < 8) {
      return "Central";
    }
    String[] names = {
      "East", "North-East", "North", "North-West", "West", "South-West", "South", "South-East"
    };
    double angle = Math.toDegrees(Math.atan2(seedKm.y, seedKm.x));
    int sector = (int) Math.floorMod(Math.round(angle / 45.0), 8L);
    return names[sector];
  }

  /** A smooth displacement field: the same point always moves the same way. */
  private static final class Wiggle {
    private final double[] phases = new double[4];

    Wiggle(Rng rng) {
      for (int i = 0; i < phases.length; i++) {
        phases[i] = rng.uniform(0, 2 * Math.PI);
      }
    }

    Geometry apply(Geometry g) {
      return new GeometryTransformer() {
        @Override
        protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
            org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
          Coordinate[] out = new Coordinate[coords.size()];
          for (int i = 0; i < coords.size(); i++) {
            Coordinate c = coords.getCoordinate(i);
            out[i] =
                new Coordinate(
                    c.x
                        + WIGGLE_KM
                            * Math.sin(c.x / 1.3 + phases[0])
                            * Math.cos(c.y / 1.7 + phases[1]),
                    c.y
                        + WIGGLE_KM
                            * Math.cos(c.x / 1.9 + phases[2])
                            * Math.sin(c.y / 1.1 + phases[3]));
          }
          return factory.getCoordinateSequenceFactory().create(out);
        }
      }.transform(g);
    }
  }
}
