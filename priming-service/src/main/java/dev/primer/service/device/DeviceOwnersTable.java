package dev.primer.service.device;

import dev.primer.service.access.DeviceOwner;
import dev.primer.service.access.DeviceOwners;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Looks a device's owner up in the {@code devices} table, for {@code access.DeviceAccess}. */
@ApplicationScoped
public class DeviceOwnersTable implements DeviceOwners {
  @Override
  public Optional<DeviceOwner> find(String deviceId) {
    return QuarkusTransaction.joiningExisting()
        .call(() -> Optional.ofNullable(Device.<Device>findById(deviceId)))
        .map(d -> DeviceView.of(d).owner());
  }
}
