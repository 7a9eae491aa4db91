package dev.primer.service.device;

import dev.primer.protocol.device.Enrolled;
import dev.primer.service.access.DeviceAccess;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Enrols, lists and revokes devices (whether a caller may use one is {@code access.DeviceAccess}).
 */
@ApplicationScoped
public class DeviceService {
  @Inject Clock clock;
  @Inject DeviceTokens tokens;
  @Inject PrimerConfig config;
  @Inject DeviceAccess access;

  /**
   * Enrols a device for {@code userId} and gives it its own token; a body that breaks {@link
   * Enrolment}'s constraints is a 400 naming each field, a user at the device limit
   * (primer.devices.max-per-user, revoked devices not counted) gets a 409.
   */
  @Transactional
  public Enrolled enrol(String userId, @NotNull(message = "is required") @Valid Enrolment body) {
    int max = config.devices().maxPerUser();
    long active = Device.count("userId = ?1 and revokedAt is null", userId);
    if (active >= max) {
      throw new ProblemException(
          409,
          "too-many-devices",
          "Too many devices",
          "user '"
              + userId
              + "' has "
              + active
              + " devices, the most allowed (primer.devices.max-per-user = "
              + max
              + "); an admin can revoke one that is no longer used");
    }
    Device d = new Device();
    d.id = "d-" + UUID.randomUUID();
    d.userId = userId;
    d.name = body.name().strip();
    d.platform = body.platform().strip();
    d.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    d.persist();
    Device.flush();
    NewDeviceToken token = tokens.issue(d.id);
    DeviceView view = DeviceView.of(d);
    return new Enrolled(
        view.deviceId(),
        view.userId(),
        view.name(),
        view.platform(),
        view.createdAt().toString(),
        token.token(),
        token.expiresAt().toString());
  }

  /** Revokes a device: its tokens stop working at once, and its next contact is told to wipe. */
  @Transactional
  public DeviceView revoke(String deviceId) {
    Device d = Device.findById(deviceId);
    if (d == null) {
      throw ProblemException.notFound("device", deviceId);
    }
    if (d.revokedAt == null) {
      d.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
    DeviceView view = DeviceView.of(d);
    access.revoked(view.owner());
    return view;
  }

  /** The devices of {@code userId}, oldest first, revoked ones included. */
  public List<DeviceView> of(String userId) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                Device.<Device>list("userId = ?1 order by createdAt, id", userId).stream()
                    .map(DeviceView::of)
                    .toList());
  }
}
