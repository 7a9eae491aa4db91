package dev.primer.service.device;

import dev.primer.service.auth.DeviceTokenMechanism;
import dev.primer.service.config.PrimerConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues, renews and looks up the opaque tokens devices use after enrolment. Only SHA-256 hashes
 * are stored, so a copy of the database holds no usable token. Expiry follows the real clock, never
 * the service's (pinnable) business clock.
 */
@ApplicationScoped
public class DeviceTokens {
  /** How long a renewed token's predecessor keeps working, for answers lost in transit. */
  static final Duration RENEWAL_OVERLAP = Duration.ofMinutes(10);

  private final AgroalDataSource db;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();

  DeviceTokens(AgroalDataSource db, PrimerConfig config) {
    this.db = db;
    this.lifetime = config.devices().tokenLifetime();
  }

  /**
   * Who holds a token: its device, the device's user, when the token expires and when the device
   * was revoked, if it was.
   */
  public record Holder(
      String deviceId, String userId, Instant expiresAt, Optional<Instant> revokedAt) {}

  /** A new token for {@code deviceId}. */
  public NewDeviceToken issue(String deviceId) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token =
        DeviceTokenMechanism.PREFIX
            + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expires = now.plus(lifetime);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO device_tokens (token_sha256, device_id, issued_at, expires_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      s.setString(1, sha256(token));
      s.setString(2, deviceId);
      s.setTimestamp(3, Timestamp.from(now));
      s.setTimestamp(4, Timestamp.from(expires));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store a device token", e);
    }
    return new NewDeviceToken(token, expires);
  }

  /** A new token for {@code deviceId}; {@code previous} (if any) stops working shortly after. */
  public NewDeviceToken renew(String deviceId, Optional<String> previous) {
    NewDeviceToken next = issue(deviceId);
    previous.ifPresent(
        token -> {
          try (Connection c = db.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "UPDATE device_tokens SET expires_at = LEAST(expires_at, ?)"
                          + " WHERE token_sha256 = ? AND device_id = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().plus(RENEWAL_OVERLAP)));
            s.setString(2, sha256(token));
            s.setString(3, deviceId);
            s.executeUpdate();
          } catch (SQLException e) {
            throw new IllegalStateException("cannot retire a device token", e);
          }
        });
    return next;
  }

  /** The holder of {@code token}; empty when the service never issued it. */
  public Optional<Holder> holder(String token) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT d.id, d.user_id, t.expires_at, d.revoked_at FROM device_tokens t"
                    + " JOIN devices d ON d.id = t.device_id WHERE t.token_sha256 = ?")) {
      s.setString(1, sha256(token));
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Timestamp revoked = rs.getTimestamp(4);
        return Optional.of(
            new Holder(
                rs.getString(1),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                Optional.ofNullable(revoked).map(Timestamp::toInstant)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look up a device token", e);
    }
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
