package dev.primer.service.device;

import dev.primer.service.access.DeviceAccess;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.problem.ProblemError;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Enrols, lists and revokes devices (whether a caller may use one is {@code access.DeviceAccess}).
 */
@ApplicationScoped
public class DeviceService {
  private static final int MAX_NAME = StorableText.MAX_ID;

  @Inject Clock clock;
  @Inject DeviceTokens tokens;
  @Inject PrimerConfig config;
  @Inject DeviceAccess access;

  /**
   * Enrols a device for {@code userId} and gives it its own token; a user at the device limit
   * (primer.devices.max-per-user, revoked devices not counted) gets a 409.
   */
  @Transactional
  public Enrolled enrol(String userId, Enrolment body) {
    List<ProblemError> errors = new ArrayList<>();
    String name = body == null ? null : body.name();
    String platform = body == null ? null : body.platform();
    check(errors, "name", name);
    check(errors, "platform", platform);
    if (!errors.isEmpty()) {
      throw new ProblemException(
          400,
          "invalid-device",
          "Invalid device",
          errors.get(0).field() + ": " + errors.get(0).message(),
          errors);
    }
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
    d.name = name.strip();
    d.platform = platform.strip();
    d.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    d.persist();
    Device.flush();
    IssuedToken token = tokens.issue(d.id);
    return Enrolled.of(DeviceView.of(d), token);
  }

  private static void check(List<ProblemError> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(ProblemError.field(field, "is required"));
    } else if (value.length() > MAX_NAME) {
      errors.add(
          ProblemError.field(
              field, "must be at most " + MAX_NAME + " characters, was " + value.length()));
    } else {
      StorableText.problem(value, MAX_NAME)
          .ifPresent(p -> errors.add(ProblemError.field(field, p)));
    }
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
