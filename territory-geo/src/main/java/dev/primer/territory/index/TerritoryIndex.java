package dev.primer.territory.index;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Answers "which territories is this point in?" fast: an STRtree over the territories' envelopes
 * finds the few candidates, and each candidate's prepared geometry (an indexed point-in-area
 * locator) decides. Points on a boundary count as inside. In front of that exact path, a grid
 * remembers the answer for every cell that no boundary touches, so most points cost one array
 * lookup. Immutable and safe to share between threads once built.
 */
public final class TerritoryIndex {
  /** Below this many points, handing work to other threads costs more than it saves. */
  static final int PARALLEL_THRESHOLD = 4096;

  private final List<Entry> entries;
  private final Map<String, Entry> byId;
  private final AbstractNode root;
  private final CellCache cells;

  private TerritoryIndex(List<Entry> entries) {
    this.entries = entries;
    this.byId = new HashMap<>();
    STRtree tree = new STRtree();
    for (Entry entry : entries) {
      tree.insert(entry.territory.geometry().getEnvelopeInternal(), entry);
      byId.put(entry.territory.id(), entry);
    }
    // Walked directly: STRtree.query enters a synchronized build check on every call, which
    // threads assigning in parallel would queue on.
    this.root = tree.getRoot();
    this.cells =
        new CellCache(
            entries.stream().map(entry -> entry.territory.geometry()).toList(),
            this::assignExactly);
  }

  /**
   * Indexes the territories, which must have distinct ids (the validator reports duplicates).
   *
   * @throws IllegalArgumentException naming a duplicated id
   */
  public static TerritoryIndex of(Collection<Territory> territories) {
    List<Territory> sorted = new ArrayList<>(territories);
    sorted.sort(Comparator.comparing(Territory::id));
    List<Entry> entries = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0 && sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException(
            "duplicate territory id '" + sorted.get(i).id() + "': ids must be unique to index");
      }
      entries.add(new Entry(i, sorted.get(i)));
    }
    return new TerritoryIndex(List.copyOf(entries));
  }

  /** Ids of every territory containing the point (boundary included), sorted by id. */
  public List<String> assign(GeoPoint point) {
    return assign(new Coordinate(point.lon(), point.lat()));
  }

  /**
   * Ids of every territory containing the position (boundary included), sorted by id.
   *
   * @throws IllegalArgumentException when the position is not on Earth
   */
  public List<String> assign(double lat, double lon) {
    if (!GeoPoint.isValid(lat, lon)) {
      throw new IllegalArgumentException(
          "lat must be within [-90, 90] and lon within [-180, 180], was " + lat + ", " + lon);
    }
    return assign(new Coordinate(lon, lat));
  }

  /**
   * The assignment of every point, in input order; spread over all cores when there are enough
   * points for that to pay.
   */
  public List<List<String>> assignAll(List<GeoPoint> points) {
    GeoPoint[] array = points.toArray(GeoPoint[]::new);
    IntStream indexes = IntStream.range(0, array.length);
    if (array.length >= PARALLEL_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1) {
      indexes = indexes.parallel();
    }
    return indexes.mapToObj(i -> assign(array[i])).toList();
  }

  /** The territory with this id, if indexed. */
  public Optional<Territory> territory(String id) {
    return Optional.ofNullable(byId.get(id)).map(entry -> entry.territory);
  }

  /** Every indexed territory, sorted by id. */
  public List<Territory> territories() {
    return entries.stream().map(entry -> entry.territory).toList();
  }

  public int size() {
    return entries.size();
  }

  /**
   * Whether the territory contains the point, boundary included.
   *
   * @throws IllegalArgumentException when no territory has this id
   */
  public boolean covers(String territoryId, GeoPoint point) {
    return entry(territoryId).covers(new Coordinate(point.lon(), point.lat()));
  }

  /**
   * The great-circle distance in metres from the point to the nearest point of the territory's
   * boundary (shells and holes). Never negative: 0 on the boundary, positive both inside and
   * outside (use {@link #covers} to tell which); infinite for a territory without area.
   *
   * @throws IllegalArgumentException when no territory has this id
   */
  public double distanceToBoundaryMeters(String territoryId, GeoPoint point) {
    return BoundaryDistance.meters(entry(territoryId).territory.geometry(), point);
  }

  private Entry entry(String territoryId) {
    Entry entry = byId.get(territoryId);
    if (entry == null) {
      throw new IllegalArgumentException("no territory with id '" + territoryId + "'");
    }
    return entry;
  }

  private List<String> assign(Coordinate position) {
    return cells.assign(position);
  }

  /** The exact path: candidates from the STRtree, decided by their prepared geometries. */
  private List<String> assignExactly(Coordinate position) {
    Hits hits = new Hits(position);
    collect(root, position, hits);
    return hits.ids();
  }

  /** Offers every territory whose envelope covers the position to {@code hits}. */
  private static void collect(AbstractNode node, Coordinate position, Hits hits) {
    for (Object child : node.getChildBoundables()) {
      Boundable boundable = (Boundable) child;
      if (((Envelope) boundable.getBounds()).covers(position)) {
        if (boundable instanceof AbstractNode inner) {
          collect(inner, position, hits);
        } else {
          hits.offer((Entry) ((ItemBoundable) boundable).getItem());
        }
      }
    }
  }

  /** A territory with its rank in id order and its point locator. */
  private static final class Entry {
    final int rank;
    final Territory territory;
    final PointOnGeometryLocator locator;
    final List<String> alone;

    Entry(int rank, Territory territory) {
      this.rank = rank;
      this.territory = territory;
      // Most points are in one territory; they all share this one list.
      this.alone = List.of(territory.id());
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(territory.geometry());
      // Taken once: PreparedPolygon hands it out through a synchronized getter.
      this.locator = ((PreparedPolygon) prepared).getPointLocator();
      // Build the locator's lazy index now, on this thread, so queries never race to build it.
      locator.locate(new Coordinate(0, 0));
    }

    boolean covers(Coordinate position) {
      return locator.locate(position) != Location.EXTERIOR;
    }
  }

  /** Collects the candidates that really contain the point; most points have one or none. */
  private static final class Hits {
    private final Coordinate position;
    private Entry first;
    private List<Entry> more;

    Hits(Coordinate position) {
      this.position = position;
    }

    void offer(Entry entry) {
      if (!entry.covers(position)) {
        return;
      }
      if (first == null) {
        first = entry;
      } else {
        if (more == null) {
          more = new ArrayList<>(4);
          more.add(first);
        }
        more.add(entry);
      }
    }

    List<String> ids() {
      if (first == null) {
        return List.of();
      }
      if (more == null) {
        return first.alone;
      }
      more.sort(Comparator.comparingInt(entry -> entry.rank));
      return more.stream().map(entry -> entry.territory.id()).toList();
    }
  }
}
