package dev.primer.service.access;

import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one check that a caller may use a device, for every device route (manifest, records:fetch,
 * telemetry, token renewal): the device exists, is not revoked and belongs to the caller's user.
 */
@ApplicationScoped
public class DeviceAccess {
  @Inject DeviceOwners owners;

  // A device never changes hands, so who owns it is kept in memory: a manifest request then costs
  // no device query while nothing changes. Revocation replaces the entry (see revoked).
  private final Map<String, DeviceOwner> known = new ConcurrentHashMap<>();

  /**
   * The device, when the caller's user owns it: unknown devices are 404, revoked ones 410, another
   * user's device is 403.
   */
  public DeviceOwner owned(String deviceId, String callerUserId) {
    if (StorableText.problem(deviceId, StorableText.MAX_ID).isPresent()) {
      // No device has such an id (U+0000, over-long), and PostgreSQL would refuse it in a query.
      throw ProblemException.notFound("device", deviceId);
    }
    DeviceOwner d = known.get(deviceId);
    if (d == null) {
      d = owners.find(deviceId).orElseThrow(() -> ProblemException.notFound("device", deviceId));
      known.put(deviceId, d);
    }
    if (d.revokedAt().isPresent()) {
      throw new ProblemException(
          410,
          "device-revoked",
          "Device revoked",
          "device '"
              + deviceId
              + "' was revoked by an administrator at "
              + d.revokedAt().get()
              + "; its local data must be wiped");
    }
    if (!d.userId().equals(callerUserId)) {
      throw new ProblemException(
          403, "forbidden", "Forbidden", "device '" + deviceId + "' belongs to another user");
    }
    return d;
  }

  /** Records a revocation, so that the device's next call is refused at once. */
  public void revoked(DeviceOwner device) {
    known.put(device.deviceId(), device);
  }
}
