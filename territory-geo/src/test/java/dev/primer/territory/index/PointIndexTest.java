package dev.primer.territory.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import dev.primer.territory.NamedPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PointIndexTest {
  private static NamedPoint at(String id, double lat, double lon) {
    return new NamedPoint(id, new GeoPoint(lat, lon));
  }

  private static PointIndex<NamedPoint> indexOf(List<NamedPoint> points) {
    return PointIndex.of(points, NamedPoint::position);
  }

  @Test
  void findsItemsWithinTheRadiusNearestFirst() {
    GeoPoint center = new GeoPoint(41.824, -71.4128);
    List<NamedPoint> accounts =
        List.of(
            at("far", 41.9, -71.4128), // about 8.5 km north
            at("near", 41.83, -71.4128), // about 670 m north
            at("outside", 42.5, -71.4128)); // about 75 km north

    assertThat(indexOf(accounts).within(center, 10_000))
        .extracting(NamedPoint::id)
        .containsExactly("near", "far");
  }

  @Test
  void breaksDistanceTiesByInsertionOrder() {
    List<NamedPoint> accounts = List.of(at("second", 10, 10.01), at("first", 10, 10.01));

    assertThat(indexOf(accounts).within(new GeoPoint(10, 10), 5_000))
        .extracting(NamedPoint::id)
        .containsExactly("second", "first");
  }

  @Test
  void includesAnItemExactlyAtTheRadius() {
    GeoPoint center = new GeoPoint(0, 0);
    NamedPoint edge = at("edge", 0, 0.1);
    double radius = Geodesy.distanceMeters(center, edge.position());

    assertThat(indexOf(List.of(edge)).within(center, radius)).containsExactly(edge);
  }

  @Test
  void findsItemsAcrossTheAntimeridian() {
    List<NamedPoint> accounts =
        List.of(at("fiji", -17.0, 179.99), at("samoa-side", -17.0, -179.99));

    assertThat(indexOf(accounts).within(new GeoPoint(-17.0, 180), 5_000))
        .extracting(NamedPoint::id)
        .containsExactlyInAnyOrder("fiji", "samoa-side");
  }

  @Test
  void agreesWithAScanOfEveryItemAnywhereOnTheGlobe() {
    SplittableRandom random = new SplittableRandom(42);
    List<NamedPoint> accounts = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // Half spread over the globe, half packed near the north pole where boxes get wide.
      double lat = i % 2 == 0 ? random.nextDouble(-90, 90) : random.nextDouble(85, 90);
      accounts.add(at("a" + i, lat, random.nextDouble(-180, 180)));
    }
    PointIndex<NamedPoint> index = indexOf(accounts);

    for (int q = 0; q < 200; q++) {
      GeoPoint center =
          new GeoPoint(
              q % 4 == 0 ? random.nextDouble(80, 90) : random.nextDouble(-90, 90),
              random.nextDouble(-180, 180));
      double radius = random.nextDouble(1_000, 2_000_000);
      List<NamedPoint> scanned =
          accounts.stream()
              .filter(a -> Geodesy.distanceMeters(center, a.position()) <= radius)
              .sorted(Comparator.comparingDouble(a -> Geodesy.distanceMeters(center, a.position())))
              .toList();

      assertThat(index.within(center, radius)).as("query %d", q).isEqualTo(scanned);
    }
  }

  @Test
  void nearestReturnsTheKClosestItems() {
    SplittableRandom random = new SplittableRandom(3);
    List<NamedPoint> accounts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      accounts.add(at("a" + i, random.nextDouble(40, 42), random.nextDouble(-72, -70)));
    }
    GeoPoint center = new GeoPoint(41, -71);
    List<NamedPoint> expected =
        accounts.stream()
            .sorted(Comparator.comparingDouble(a -> Geodesy.distanceMeters(center, a.position())))
            .limit(5)
            .toList();

    assertThat(indexOf(accounts).nearest(center, 5)).isEqualTo(expected);
  }

  @Test
  void nearestReturnsEverythingWhenFewerThanKAreIndexed() {
    List<NamedPoint> accounts = List.of(at("sydney", -33.87, 151.21), at("oslo", 59.91, 10.75));

    assertThat(indexOf(accounts).nearest(new GeoPoint(59, 10), 5))
        .extracting(NamedPoint::id)
        .containsExactly("oslo", "sydney");
  }

  @Test
  void refusesANegativeRadius() {
    assertThatThrownBy(() -> indexOf(List.of()).within(new GeoPoint(0, 0), -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("radiusMeters must be a finite number >= 0, was -5.0");
  }
}
