package dev.primer.core.appointments.link;

import dev.primer.core.dataset.Account;
import dev.primer.territory.GeoPoint;
import java.util.Comparator;
import java.util.List;

/**
 * Checks every account's great-circle distance: fine for tests and small account sets, until a
 * spatial index takes over.
 */
public final class ScanningAccountLocator implements AccountLocator {
  /** Mean Earth radius (IUGG), in metres. */
  private static final double EARTH_RADIUS_METERS = 6_371_008.8;

  private final List<Account> accounts;

  public ScanningAccountLocator(List<Account> accounts) {
    this.accounts = List.copyOf(accounts);
  }

  @Override
  public List<NearbyAccount> within(GeoPoint point, double radiusMeters) {
    return accounts.stream()
        .map(a -> new NearbyAccount(a, distanceMeters(point, a.location())))
        .filter(n -> n.distanceMeters() <= radiusMeters)
        .sorted(Comparator.comparingDouble(NearbyAccount::distanceMeters))
        .toList();
  }

  /** Haversine distance; its error against the ellipsoid (under 0.5 %) does not matter here. */
  static double distanceMeters(GeoPoint a, GeoPoint b) {
    double lat1 = Math.toRadians(a.lat());
    double lat2 = Math.toRadians(b.lat());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
