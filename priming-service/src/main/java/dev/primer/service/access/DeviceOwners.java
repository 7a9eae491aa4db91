package dev.primer.service.access;

import java.util.Optional;

/**
 * Where {@link DeviceAccess} looks devices up. The device feature stores devices and implements
 * this, so that access, which device routes call, needs nothing of the device package.
 */
public interface DeviceOwners {
  /** The device's owner and revocation, empty when no device has this id. */
  Optional<DeviceOwner> find(String deviceId);
}
