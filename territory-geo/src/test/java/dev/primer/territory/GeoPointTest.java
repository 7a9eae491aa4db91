package dev.primer.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class GeoPointTest {
  @Test
  void becomesACoordinateWithLongitudeAsX() {
    Coordinate coordinate = new GeoPoint(41.8, -71.4).toCoordinate();

    assertThat(coordinate.x).isEqualTo(-71.4);
    assertThat(coordinate.y).isEqualTo(41.8);
  }

  @Test
  void comesFromACoordinateOnlyWhenItIsOnEarth() {
    assertThat(GeoPoint.of(new Coordinate(-71.4, 41.8))).contains(new GeoPoint(41.8, -71.4));
    assertThat(GeoPoint.of(new Coordinate(-187.1, 52.9))).isEmpty();
  }

  @Test
  void refusesALatitudeBeyondThePole() {
    assertThatThrownBy(() -> new GeoPoint(90.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lat must be within [-90, 90], was 90.5");
  }
}
