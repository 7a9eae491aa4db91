package dev.primer.agent.sync;

import dev.primer.agent.store.AccessEvent;
import dev.primer.agent.trust.ServerValues;
import dev.primer.agent.trust.Transport;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.device.EnrolRequest;
import dev.primer.protocol.device.Enrolled;
import dev.primer.protocol.device.IssuedToken;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.OpenReviews;
import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.records.RecordLine;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import dev.primer.protocol.telemetry.TelemetryLine;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The service as the agent uses it: the protocol's {@link PrimerClient} under the agent's transport
 * rules (https, or http to loopback; pinning), with every value the agent keeps checked by {@link
 * ServerValues} before it is believed.
 */
public final class ServiceClient {
  /**
   * Longest wait for the next bytes of an answer body: system property {@code
   * primer.agent.read-timeout}, e.g. {@code 60s}; default 60 s. A stalled answer fails then.
   */
  static Duration readTimeout() {
    return duration("primer.agent.read-timeout", "60s");
  }

  /**
   * Longest wait for a connection to the service: system property {@code
   * primer.agent.connect-timeout}; default 10 s. Read for each client, so a process that runs many
   * agents (the load drill) can set it before they start.
   */
  static Duration connectTimeout() {
    return duration("primer.agent.connect-timeout", "10s");
  }

  private final PrimerClient client;
  private final Optional<String> warning;

  /**
   * A client for {@code server} under the standard transport rules (https, or http to loopback).
   */
  public ServiceClient(String server, String token) {
    this(server, token, Transport.standard());
  }

  /**
   * A client for {@code server} under {@code transport}'s rules; refused (a {@link
   * Transport.RefusedServerException}) when the rules do not allow that URL.
   */
  public ServiceClient(String server, String token, Transport transport) {
    this(server, token, transport, connectTimeout(), Duration.ofMinutes(5));
  }

  /**
   * A client that gives up connecting after {@code connectTimeout} and waiting for an answer's
   * headers after {@code answerTimeout}: for a try that must not keep the rep waiting (the upload
   * right after an edit).
   */
  public ServiceClient(
      String server,
      String token,
      Transport transport,
      Duration connectTimeout,
      Duration answerTimeout) {
    URI uri = URI.create(server.endsWith("/") ? server : server + "/");
    this.warning = transport.check(uri);
    PrimerClient.Builder builder =
        PrimerClient.builder(uri)
            .token(token)
            .readTimeout(readTimeout().compareTo(answerTimeout) < 0 ? readTimeout() : answerTimeout)
            .connectTimeout(connectTimeout)
            .answerTimeout(answerTimeout);
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      builder.sslContext(transport.sslContext());
    }
    this.client = builder.build();
  }

  /** The warning to print on every run when the transport is allowed only by --insecure-http. */
  public Optional<String> warning() {
    return warning;
  }

  /** The duration the system property {@code property} gives, like 60s, 2m or 500ms. */
  static Duration duration(String property, String fallback) {
    String text = System.getProperty(property, fallback);
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          property + " must be like 60s, 2m or 500ms, was '" + text + "'");
    }
  }

  /** Body bytes received so far (compressed bytes when the answer was gzip). */
  public long wireBytes() {
    return client.wireBytes();
  }

  /** A device token and, when the service said, when it expires. */
  public record DeviceToken(String token, Optional<Instant> expiresAt) {}

  /**
   * The device id and user id the service gave this device, and the device's own token (empty from
   * a service older than device tokens: the agent then keeps the user's token).
   */
  public record Enrolment(String deviceId, String userId, Optional<DeviceToken> token) {}

  /** Registers this device for the token's user. */
  public Enrolment enroll(String name, String platform) {
    Enrolled answer = client.enrol(new EnrolRequest(name, platform));
    Optional<DeviceToken> token =
        answer.token().isEmpty()
            ? Optional.empty()
            : Optional.of(
                deviceToken(
                    answer.token(), answer.tokenExpiresAt(), "the enrolment's", "tokenExpiresAt"));
    return new Enrolment(
        ServerValues.requireId("the enrolment's device id", answer.deviceId()),
        ServerValues.requireId("the enrolment's user id", answer.userId()),
        token);
  }

  /**
   * A new token for device {@code deviceId} ({@code POST /v1/devices/{id}/token}); the one this
   * client sends keeps working for a few minutes after.
   */
  public DeviceToken renewToken(String deviceId) {
    IssuedToken answer = client.renewToken(deviceId);
    return deviceToken(answer.token(), answer.expiresAt(), "the renewal's", "expiresAt");
  }

  private static DeviceToken deviceToken(
      String token, String expiresAt, String what, String expiryField) {
    String checked = ServerValues.requireToken(what + " token", token);
    Optional<Instant> expires =
        expiresAt.isEmpty()
            ? Optional.empty()
            : Optional.of(ServerValues.requireInstant(what + " " + expiryField, expiresAt));
    return new DeviceToken(checked, expires);
  }

  /**
   * The manifest (a delta when {@code since} is given); empty when {@code ifNoneMatch} still
   * matches (304).
   */
  public Optional<Manifest> manifest(
      String deviceId, long budget, Optional<Long> since, Optional<String> ifNoneMatch) {
    Optional<Manifest> answer =
        client.manifest(
            deviceId,
            budget,
            since.map(OptionalLong::of).orElse(OptionalLong.empty()),
            ifNoneMatch);
    answer.ifPresent(
        m -> {
          ServerValues.requireGeneration(m.generation());
          ServerValues.requireEtag(m.etag());
        });
    return answer;
  }

  /** Streams records:fetch for {@code ids}, one parsed line at a time, in request order. */
  public void fetch(String deviceId, List<String> ids, Consumer<RecordLine> lines) {
    client.fetch(deviceId, ids, lines);
  }

  /** Opens blob {@code sha256} from byte {@code offset} (Range and If-Range when offset > 0). */
  public PrimerClient.BlobStream blob(String sha256, long offset) {
    return client.blob(ServerValues.requireSha256("the blob's sha256", sha256), offset);
  }

  /** Uploads edit operations; the service's receipts, one per operation, in order. */
  public EditReceipts edits(String deviceId, EditBatch batch) {
    return client.edits(deviceId, batch);
  }

  /** This device's operations still open in the service's review queue. */
  public OpenReviews openReviews(String deviceId) {
    return client.openReviews(deviceId);
  }

  /** Sends access events. */
  public TelemetryAnswer telemetry(String deviceId, List<AccessEvent> events) {
    return client.telemetry(
        deviceId,
        events.stream()
            .map(
                e ->
                    new TelemetryLine(
                        e.eventId(), e.recordId().orElse(""), e.at(), e.kind(), e.query()))
            .toList());
  }
}
