package dev.primer.territory.index;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds items near a position without scanning them all: an STRtree over the items' positions
 * answers a box query around the centre and an exact great-circle filter keeps those within the
 * radius. Immutable and safe to share between threads once built.
 *
 * @param <T> what is indexed, for example accounts
 */
public final class PointIndex<T> {
  private static final Comparator<Candidate<?>> NEAREST_FIRST =
      Comparator.<Candidate<?>>comparingDouble(candidate -> candidate.distanceMeters)
          .thenComparingInt(candidate -> candidate.sequence);

  private final STRtree tree = new STRtree();
  private final int size;

  private PointIndex(List<Candidate<T>> items) {
    for (Candidate<T> item : items) {
      tree.insert(
          new Envelope(
              item.position.lon(), item.position.lon(), item.position.lat(), item.position.lat()),
          item);
    }
    tree.build();
    this.size = items.size();
  }

  /** Indexes the items at the positions {@code position} gives them. */
  public static <T> PointIndex<T> of(
      Collection<? extends T> items, Function<? super T, GeoPoint> position) {
    List<Candidate<T>> candidates = new ArrayList<>(items.size());
    for (T item : items) {
      GeoPoint at = Objects.requireNonNull(position.apply(item), "position of " + item);
      candidates.add(new Candidate<>(item, at, candidates.size(), 0));
    }
    return new PointIndex<>(candidates);
  }

  /** An item found near a centre, with how far it is. */
  public record Neighbour<T>(T item, GeoPoint position, double distanceMeters) {}

  /**
   * The items within {@code radiusMeters} (great-circle, inclusive) of the centre, nearest first;
   * items at the same distance in the order they were indexed.
   */
  public List<T> within(GeoPoint center, double radiusMeters) {
    return neighboursWithin(center, radiusMeters).stream().map(Neighbour::item).toList();
  }

  /** {@link #within}, with each item's position and distance. */
  public List<Neighbour<T>> neighboursWithin(GeoPoint center, double radiusMeters) {
    if (!(radiusMeters >= 0) || Double.isInfinite(radiusMeters)) {
      throw new IllegalArgumentException(
          "radiusMeters must be a finite number >= 0, was " + radiusMeters);
    }
    List<Candidate<T>> found = new ArrayList<>();
    for (Envelope box : SearchBox.around(center, radiusMeters)) {
      tree.query(box, new Filter<>(center, radiusMeters, found));
    }
    found.sort(NEAREST_FIRST);
    return found.stream()
        .map(
            candidate ->
                new Neighbour<>(candidate.item, candidate.position, candidate.distanceMeters))
        .toList();
  }

  /**
   * The {@code k} items nearest the centre, nearest first (fewer when fewer are indexed). Searches
   * circles of growing radius, so it costs a few range queries rather than a scan.
   */
  public List<T> nearest(GeoPoint center, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, was " + k);
    }
    if (k == 0 || size == 0) {
      return List.of();
    }
    double halfCircumference = Math.PI * Geodesy.EARTH_RADIUS_METERS;
    double radius = 1_000;
    List<T> found = within(center, radius);
    // Every item within the radius is found, so once k are found the k nearest are among them.
    while (found.size() < Math.min(k, size) && radius < halfCircumference) {
      radius = Math.min(radius * 4, halfCircumference);
      found = within(center, radius);
    }
    return found.subList(0, Math.min(k, found.size()));
  }

  /** How many items are indexed. */
  public int size() {
    return size;
  }

  /** An indexed item with its insertion sequence, and its distance once measured. */
  private record Candidate<T>(T item, GeoPoint position, int sequence, double distanceMeters) {}

  /** Keeps the box's items that really lie within the radius. */
  private record Filter<T>(GeoPoint center, double radiusMeters, List<Candidate<T>> found)
      implements ItemVisitor {
    @Override
    public void visitItem(Object item) {
      @SuppressWarnings("unchecked") // only Candidate<T> is ever inserted
      Candidate<T> candidate = (Candidate<T>) item;
      double distance = Geodesy.distanceMeters(center, candidate.position);
      if (distance <= radiusMeters) {
        found.add(
            new Candidate<>(candidate.item, candidate.position, candidate.sequence, distance));
      }
    }
  }
}
