package dev.primer.agent.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * What an enrolled agent keeps between runs: where the service is, who it is, how much it may
 * store, when it syncs and which networks count as the office.
 *
 * @param server the service's base URL, e.g. http://primer.example:8080
 * @param deviceId the device id the service gave at enrolment
 * @param userId the user the device belongs to
 * @param token the bearer token the agent sends: the device's own token ({@code pdt_…}) the service
 *     gave at enrolment or at the last renewal; the user's token only when the service gave none
 *     (an older service)
 * @param tokenExpiresAt when the device token expires (ISO-8601 instant); empty when unknown
 * @param tokenIssuedAt when the agent received the device token (ISO-8601 instant); empty when
 *     unknown
 * @param budgetBytes the most content bytes this device keeps
 * @param windowStart local time the overnight window opens
 * @param windowEnd local time the overnight window closes
 * @param jitterMinutes at most this many minutes of random delay after the window opens
 * @param ssids Wi-Fi networks that count as the office
 * @param officeCidrs address ranges that count as the office, e.g. 10.20.0.0/16
 * @param beaconUrl a URL that answers only inside the office; empty for none
 * @param allowMetered whether a metered connection may be used (default no)
 * @param diskReserveBytes free disk the agent always leaves to the rest of the machine
 * @param batchSize records per records:fetch request (at most 1000)
 * @param insecureHttp whether plain http to a host other than this machine is allowed (a test
 *     network only; warned about on every run)
 * @param pinSha256 base64 SHA-256 of the server's public key (SPKI) or certificate that every https
 *     connection must present; empty for no pin
 */
public record AgentConfig(
    String server,
    String deviceId,
    String userId,
    String token,
    String tokenExpiresAt,
    String tokenIssuedAt,
    long budgetBytes,
    String windowStart,
    String windowEnd,
    int jitterMinutes,
    List<String> ssids,
    List<String> officeCidrs,
    String beaconUrl,
    boolean allowMetered,
    long diskReserveBytes,
    int batchSize,
    boolean insecureHttp,
    String pinSha256) {

  /** Default budget: 256 MiB. */
  public static final long DEFAULT_BUDGET = 256L << 20;

  public AgentConfig {
    ssids = List.copyOf(ssids == null ? List.of() : ssids);
    officeCidrs = List.copyOf(officeCidrs == null ? List.of() : officeCidrs);
    beaconUrl = beaconUrl == null ? "" : beaconUrl;
    pinSha256 = pinSha256 == null ? "" : pinSha256;
    // Configs written before device tokens have neither field.
    tokenExpiresAt = tokenExpiresAt == null ? "" : tokenExpiresAt;
    tokenIssuedAt = tokenIssuedAt == null ? "" : tokenIssuedAt;
    parseInstant("token expiry", tokenExpiresAt);
    parseInstant("token issue time", tokenIssuedAt);
    if (budgetBytes <= 0) {
      throw new IllegalArgumentException("budget must be > 0, was " + budgetBytes);
    }
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("batch size must be 1..1000, was " + batchSize);
    }
    if (diskReserveBytes < 0) {
      throw new IllegalArgumentException("disk reserve must be >= 0, was " + diskReserveBytes);
    }
    parseTime("window start", windowStart);
    parseTime("window end", windowEnd);
    URI.create(server);
  }

  /** The window's opening time. */
  @JsonIgnore
  public LocalTime windowOpens() {
    return parseTime("window start", windowStart);
  }

  /** The window's closing time. */
  @JsonIgnore
  public LocalTime windowCloses() {
    return parseTime("window end", windowEnd);
  }

  /** The beacon URL, if one is configured. */
  @JsonIgnore
  public Optional<URI> beacon() {
    return beaconUrl.isBlank() ? Optional.empty() : Optional.of(URI.create(beaconUrl));
  }

  /** A copy with another budget. */
  public AgentConfig withBudget(long bytes) {
    return new AgentConfig(
        server,
        deviceId,
        userId,
        token,
        tokenExpiresAt,
        tokenIssuedAt,
        bytes,
        windowStart,
        windowEnd,
        jitterMinutes,
        ssids,
        officeCidrs,
        beaconUrl,
        allowMetered,
        diskReserveBytes,
        batchSize,
        insecureHttp,
        pinSha256);
  }

  /** When the device token expires, if the service said. */
  @JsonIgnore
  public Optional<Instant> tokenExpiry() {
    return parseInstant("token expiry", tokenExpiresAt);
  }

  /** When the agent received the device token, if known. */
  @JsonIgnore
  public Optional<Instant> tokenIssued() {
    return parseInstant("token issue time", tokenIssuedAt);
  }

  /** A copy with another token, received at {@code issuedAt}, expiring at {@code expiresAt}. */
  public AgentConfig withToken(String newToken, Optional<Instant> expiresAt, Instant issuedAt) {
    return new AgentConfig(
        server,
        deviceId,
        userId,
        newToken,
        expiresAt.map(Instant::toString).orElse(""),
        issuedAt.toString(),
        budgetBytes,
        windowStart,
        windowEnd,
        jitterMinutes,
        ssids,
        officeCidrs,
        beaconUrl,
        allowMetered,
        diskReserveBytes,
        batchSize,
        insecureHttp,
        pinSha256);
  }

  private static Optional<Instant> parseInstant(String what, String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          what + " must be an ISO-8601 instant, was '" + value + "'");
    }
  }

  private static LocalTime parseTime(String what, String value) {
    try {
      return LocalTime.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + " must be HH:MM, was '" + value + "'");
    }
  }
}
