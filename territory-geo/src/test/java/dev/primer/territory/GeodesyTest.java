package dev.primer.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeodesyTest {
  private static final double R = Geodesy.EARTH_RADIUS_METERS;

  @Test
  void oneDegreeOfLatitudeIsTheArcOfOneDegree() {
    double expected = R * Math.toRadians(1);
    assertThat(Geodesy.distanceMeters(new GeoPoint(45, 7), new GeoPoint(46, 7)))
        .isCloseTo(expected, within(1e-6));
  }

  @Test
  void oneDegreeOfLongitudeShrinksWithTheCosineOfLatitudeAlongTheEquator() {
    double expected = R * Math.toRadians(1);
    assertThat(Geodesy.distanceMeters(new GeoPoint(0, 179.5), new GeoPoint(0, -179.5)))
        .isCloseTo(expected, within(1e-6));
  }

  @Test
  void antipodesAreHalfACircumferenceApart() {
    assertThat(Geodesy.distanceMeters(new GeoPoint(40, -74), new GeoPoint(-40, 106)))
        .isCloseTo(Math.PI * R, within(1e-3));
  }

  @Test
  void distanceIsZeroForTheSamePoint() {
    GeoPoint providence = new GeoPoint(41.824, -71.4128);
    assertThat(Geodesy.distanceMeters(providence, providence)).isZero();
  }

  @Test
  void areaOfALatitudeLongitudeCellIsTheSphericalZoneSlice() {
    // The exact area between two parallels and two meridians: R² Δλ (sin φ2 − sin φ1).
    double expected =
        R * R * Math.toRadians(1) * (Math.sin(Math.toRadians(46)) - Math.sin(Math.toRadians(45)));
    assertThat(Geodesy.areaSquareMeters(Wkt.geometry("POLYGON ((7 45, 8 45, 8 46, 7 46, 7 45))")))
        .isCloseTo(expected, within(expected * 1e-12));
  }

  @Test
  void areaSubtractsHolesAndAddsPolygons() {
    double cell = Geodesy.areaSquareMeters(Wkt.geometry("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"));
    double hole =
        Geodesy.areaSquareMeters(Wkt.geometry("POLYGON ((1 1, 1.5 1, 1.5 1.5, 1 1.5, 1 1))"));
    double island = Geodesy.areaSquareMeters(Wkt.geometry("POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"));
    double multi =
        Geodesy.areaSquareMeters(
            Wkt.geometry(
                "MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0), (1 1, 1 1.5, 1.5 1.5, 1.5 1, 1 1)),"
                    + " ((5 5, 6 5, 6 6, 5 6, 5 5)))"));
    assertThat(multi).isCloseTo(cell - hole + island, within(1e-3));
  }
}
