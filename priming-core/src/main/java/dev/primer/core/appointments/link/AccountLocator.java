package dev.primer.core.appointments.link;

import dev.primer.territory.GeoPoint;
import java.util.List;

/**
 * Finds accounts near a point. Linking codes against this so that territory-geo's spatial index can
 * stand in for {@link ScanningAccountLocator} without the linker changing.
 */
public interface AccountLocator {
  /** Accounts whose location is within {@code radiusMeters} of {@code point}, nearest first. */
  List<NearbyAccount> within(GeoPoint point, double radiusMeters);
}
