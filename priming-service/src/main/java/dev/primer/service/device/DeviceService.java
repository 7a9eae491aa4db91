package dev.primer.service.device;

import dev.primer.protocol.problem.ProblemError;
import dev.primer.service.config.PrimerConfig;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Enrols devices and answers whether a caller may use one. */
@ApplicationScoped
public class DeviceService {
  private static final int MAX_NAME = StorableText.MAX_ID;

  @Inject Clock clock;
  @Inject DeviceTokens tokens;
  @Inject PrimerConfig config;

  // A device never changes hands, so who owns it and the budget it last asked for are kept in
  // memory: a manifest request then costs no device query and no write while nothing changes.
  private final Map<String, DeviceView> known = new ConcurrentHashMap<>();

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

  /**
   * The device, when the caller's user owns it: unknown devices are 404, another user's device is
   * 403.
   */
  public DeviceView owned(String deviceId, String callerUserId) {
    DeviceView d = known.get(deviceId);
    if (d == null) {
      d = find(deviceId);
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
    known.put(deviceId, view);
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

  private static DeviceView find(String deviceId) {
    Device d = QuarkusTransaction.joiningExisting().call(() -> Device.findById(deviceId));
    if (d == null) {
      throw ProblemException.notFound("device", deviceId);
    }
    return DeviceView.of(d);
  }
}
