package dev.primer.core.appointments;

import dev.primer.core.appointments.link.AccountLocator;
import dev.primer.core.appointments.link.NearbyAccount;
import dev.primer.core.catalog.Catalog;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import java.util.List;

/** Finds accounts near a point through the catalog's spatial index (territory-geo's STRtree). */
public final class CatalogAccountLocator implements AccountLocator {
  private final Catalog catalog;

  public CatalogAccountLocator(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<NearbyAccount> within(GeoPoint point, double radiusMeters) {
    return catalog.accountsNear(point, radiusMeters).stream()
        .map(
            a ->
                new NearbyAccount(
                    catalog.account(a),
                    Geodesy.distanceMeters(point, catalog.account(a).location())))
        .toList();
  }
}
