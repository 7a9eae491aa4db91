package dev.primer.agent.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * What an enrolled agent keeps between runs: where the service is, who it is, how much it may
 * store, when it syncs and which networks count as the office.
 *
 * @param server the service's base URL, e.g. http://primer.example:8080
 * @param deviceId the device id the service gave at enrolment
 * @param userId the user the device belongs to
 * @param token the user's bearer token (role device)
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

  /** A copy with another token. */
  public AgentConfig withToken(String newToken) {
    return new AgentConfig(
        server,
        deviceId,
        userId,
        newToken,
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

  private static LocalTime parseTime(String what, String value) {
    try {
      return LocalTime.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + " must be HH:MM, was '" + value + "'");
    }
  }
}
