package dev.primer.agent.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.agent.store.AccessEvent;
import dev.primer.agent.trust.ServerValues;
import dev.primer.agent.trust.Transport;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The service's REST API (docs/api.md) as the agent uses it, over java.net.http. Counts every body
 * byte received, as it came over the wire, so syncs can report what they moved.
 */
public final class ServiceClient {
  /** Socket reads (16 KiB each by default) an answer may run ahead of its reader: 1 MiB. */
  private static final int READ_AHEAD_LISTS = 64;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectReader LINE_READER = JSON.readerFor(FetchedLine.class);

  /** Time to the answer's headers. */
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /**
   * Longest wait for the next bytes of an answer body (system property {@code
   * primer.agent.read-timeout}, e.g. {@code 60s}; default 60 s): a stalled answer fails then.
   */
  static final Duration READ_TIMEOUT =
      readTimeout(System.getProperty("primer.agent.read-timeout", "60s"));

  /** Largest manifest answer accepted, decoded (a medium rep's is about 2 MiB). */
  static final long MANIFEST_MAX = 64L << 20;

  /**
   * Largest records:fetch answer accepted, decoded: a batch holds at most 8 MiB of inline content
   * (11 MiB in base64) besides its ids and titles.
   */
  static final long FETCH_MAX = 64L << 20;

  /** Longest records:fetch line accepted: 64 KiB of inline content is 86 KiB in base64. */
  static final long FETCH_LINE_MAX = 1L << 20;

  /** Largest small JSON answer (enrolment, telemetry, a problem document). */
  private static final long JSON_MAX = 1L << 20;

  private final URI server;
  private final String token;
  private final HttpClient http;
  private final AtomicLong wireBytes = new AtomicLong();

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
    this.server = URI.create(server.endsWith("/") ? server : server + "/");
    this.warning = transport.check(this.server);
    this.token = token;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10));
    if ("https".equalsIgnoreCase(this.server.getScheme())) {
      builder.sslContext(transport.sslContext());
    }
    this.http = builder.build();
  }

  /** The warning to print on every run when the transport is allowed only by --insecure-http. */
  public Optional<String> warning() {
    return warning;
  }

  static Duration readTimeout(String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
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
          "primer.agent.read-timeout must be like 60s, 2m or 500ms, was '" + text + "'");
    }
  }

  /** Body bytes received so far (compressed bytes when the answer was gzip). */
  public long wireBytes() {
    return wireBytes.get();
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
    ObjectNode body = JSON.createObjectNode().put("name", name).put("platform", platform);
    JsonNode answer = sendJson(post("v1/devices", body.toString(), "application/json"));
    Optional<DeviceToken> token =
        answer.hasNonNull("token")
            ? Optional.of(deviceToken(answer, "token", "tokenExpiresAt", "the enrolment's"))
            : Optional.empty();
    return new Enrolment(
        ServerValues.requireId("the enrolment's device id", answer.path("deviceId").asText()),
        ServerValues.requireId("the enrolment's user id", answer.path("userId").asText()),
        token);
  }

  /**
   * A new token for device {@code deviceId} ({@code POST /v1/devices/{id}/token}); the one this
   * client sends keeps working for a few minutes after.
   */
  public DeviceToken renewToken(String deviceId) {
    JsonNode answer =
        sendJson(post("v1/devices/" + encode(deviceId) + "/token", "", "application/json"));
    return deviceToken(answer, "token", "expiresAt", "the renewal's");
  }

  private static DeviceToken deviceToken(
      JsonNode answer, String tokenField, String expiryField, String what) {
    String token = ServerValues.requireToken(what + " token", answer.path(tokenField).asText());
    Optional<Instant> expires =
        answer.hasNonNull(expiryField)
            ? Optional.of(
                ServerValues.requireInstant(
                    what + " " + expiryField, answer.path(expiryField).asText()))
            : Optional.empty();
    return new DeviceToken(token, expires);
  }

  /**
   * The manifest (a delta when {@code since} is given); empty when {@code ifNoneMatch} still
   * matches (304).
   */
  public Optional<ManifestResponse> manifest(
      String deviceId, long budget, Optional<Long> since, Optional<String> ifNoneMatch) {
    String path =
        "v1/devices/"
            + encode(deviceId)
            + "/manifest?budget="
            + budget
            + since.map(g -> "&since=" + g).orElse("");
    HttpRequest.Builder request = request(path).header("Accept-Encoding", "gzip").GET();
    ifNoneMatch.filter(e -> !e.isEmpty()).ifPresent(e -> request.header("If-None-Match", e));
    HttpResponse<InputStream> response = send(request.build());
    if (response.statusCode() == 304) {
      drain(response);
      return Optional.empty();
    }
    BoundedInput bounded =
        new BoundedInput(body(response), "the manifest", MANIFEST_MAX, Long.MAX_VALUE);
    try (InputStream in = bounded) {
      ManifestResponse manifest = JSON.readValue(in, ManifestResponse.class);
      ServerValues.requireGeneration(manifest.generation());
      String etag =
          ServerValues.requireEtag(response.headers().firstValue("ETag").orElse(manifest.etag()));
      return Optional.of(
          new ManifestResponse(
              manifest.deviceId(),
              manifest.userId(),
              manifest.generation(),
              manifest.since(),
              manifest.full(),
              etag,
              manifest.day(),
              manifest.modelId(),
              manifest.selector(),
              manifest.note(),
              manifest.budget(),
              manifest.bytes(),
              manifest.builtAt(),
              manifest.entries(),
              manifest.added(),
              manifest.changed(),
              manifest.removed(),
              manifest.order(),
              manifest.notFitted()));
    } catch (IOException e) {
      refuseIfExceeded(bounded);
      throw new UncheckedIOException("cannot read the manifest", e);
    }
  }

  /** Streams records:fetch for {@code ids}, one parsed line at a time, in request order. */
  public void fetch(String deviceId, List<String> ids, Consumer<FetchedLine> lines) {
    ObjectNode body = JSON.createObjectNode();
    ids.forEach(body.putArray("ids")::add);
    HttpRequest request =
        request("v1/devices/" + encode(deviceId) + "/records:fetch")
            .header("Content-Type", "application/json")
            .header("Accept", "application/x-ndjson")
            .header("Accept-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<InputStream> response = send(request);
    BoundedInput bounded =
        new BoundedInput(body(response), "the records:fetch answer", FETCH_MAX, FETCH_LINE_MAX);
    // One parser over the bytes: NDJSON is a sequence of root values, and the newlines between
    // them are whitespace to Jackson. Reading lines first decoded every byte into chars and back.
    try (InputStream in = bounded;
        MappingIterator<FetchedLine> values = LINE_READER.readValues(in)) {
      int read = 0;
      while (values.hasNextValue()) {
        if (read == ids.size()) {
          throw new ServerValues.RefusedValueException(
              "records:fetch answered more lines than the " + ids.size() + " ids asked for");
        }
        lines.accept(values.nextValue());
        read++;
      }
      if (read != ids.size()) {
        throw new java.io.EOFException(
            "records:fetch answered " + read + " lines for " + ids.size() + " ids");
      }
    } catch (IOException e) {
      refuseIfExceeded(bounded);
      throw new UncheckedIOException("records:fetch broke off", e);
    }
  }

  /** A blob answer: the body from {@code offset}, and whether the service honoured the Range. */
  public record BlobStream(InputStream body, boolean partial) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** Opens blob {@code sha256} from byte {@code offset} (Range and If-Range when offset > 0). */
  public BlobStream blob(String sha256, long offset) {
    HttpRequest.Builder request =
        request("v1/blobs/" + ServerValues.requireSha256("the blob's sha256", sha256)).GET();
    if (offset > 0) {
      request.header("Range", "bytes=" + offset + "-").header("If-Range", "\"" + sha256 + "\"");
    }
    HttpResponse<InputStream> response = send(request.build());
    return new BlobStream(body(response), response.statusCode() == 206);
  }

  /** What the service said about a telemetry upload. */
  public record TelemetryAnswer(int accepted, int duplicates, List<String> rejected) {}

  /** Sends access events (NDJSON). */
  public TelemetryAnswer telemetry(String deviceId, List<AccessEvent> events) {
    StringBuilder body = new StringBuilder();
    for (AccessEvent e : events) {
      ObjectNode line =
          JSON.createObjectNode()
              .put("eventId", e.eventId())
              .put("recordId", e.recordId().orElse(""))
              .put("at", e.at())
              .put("kind", e.kind());
      if (!e.query().isEmpty()) {
        line.put("query", e.query());
      }
      body.append(line).append('\n');
    }
    JsonNode answer =
        sendJson(
            post(
                "v1/devices/" + encode(deviceId) + "/telemetry",
                body.toString(),
                "application/x-ndjson"));
    List<String> rejected =
        answer.path("rejected").findValues("reason").stream().map(JsonNode::asText).toList();
    return new TelemetryAnswer(
        answer.path("accepted").asInt(), answer.path("duplicates").asInt(), rejected);
  }

  private HttpRequest post(String path, String body, String type) {
    return request(path)
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(server.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token);
  }

  private JsonNode sendJson(HttpRequest request) {
    HttpResponse<InputStream> response = send(request);
    BoundedInput bounded =
        new BoundedInput(
            body(response), "the answer of " + request.uri().getPath(), JSON_MAX, Long.MAX_VALUE);
    try (InputStream in = bounded) {
      return JSON.readTree(in);
    } catch (IOException e) {
      refuseIfExceeded(bounded);
      throw new UncheckedIOException("cannot read the answer of " + request.uri().getPath(), e);
    }
  }

  /** Sends; any status other than 2xx and 304 becomes a {@link ServiceException}. */
  private HttpResponse<InputStream> send(HttpRequest request) {
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, ReadAheadBody.handler(READ_AHEAD_LISTS, READ_TIMEOUT));
    } catch (ConnectException e) {
      throw new UncheckedIOException("cannot reach the service at " + server, e);
    } catch (IOException e) {
      throw new UncheckedIOException("request to " + request.uri().getPath() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
    }
    int status = response.statusCode();
    if ((status >= 200 && status < 300) || status == 304) {
      return response;
    }
    JsonNode problem = problem(response);
    Optional<Duration> retryAfter =
        response.headers().firstValue("Retry-After").flatMap(ServiceClient::parseRetryAfter);
    throw new ServiceException(
        status,
        request.uri().getPath() + " answered " + status + ": " + problem.path("detail").asText(),
        retryAfter,
        problem.path("type").asText(""));
  }

  static Optional<Duration> parseRetryAfter(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        java.time.ZonedDateTime at =
            java.time.ZonedDateTime.parse(
                value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (java.time.format.DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
  }

  /**
   * The error answer's problem document as {@code type} and {@code detail} (the title, or the text
   * of a body that is not JSON, when there is no detail).
   */
  private JsonNode problem(HttpResponse<InputStream> response) {
    ObjectNode out = JSON.createObjectNode();
    try (InputStream in = body(response)) {
      byte[] bytes = in.readNBytes(64 * 1024);
      try {
        JsonNode problem = JSON.readTree(bytes);
        String detail = problem.path("detail").asText("");
        out.put("detail", detail.isEmpty() ? problem.path("title").asText("no detail") : detail);
        if (problem.path("type").isTextual()) {
          out.put("type", problem.path("type").asText());
        }
      } catch (IOException notJson) {
        out.put("detail", new String(bytes, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      out.put("detail", "no detail");
    }
    return out;
  }

  private InputStream body(HttpResponse<InputStream> response) {
    InputStream counted = new Counting(response.body(), wireBytes);
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .map(v -> v.contains("gzip"))
            .orElse(false);
    try {
      return gzip ? new GZIPInputStream(counted, 1 << 16) : counted;
    } catch (IOException e) {
      throw new UncheckedIOException("bad gzip answer", e);
    }
  }

  /** An answer past its limit is the server's doing, not a passing failure: not retried. */
  private static void refuseIfExceeded(BoundedInput bounded) {
    if (!bounded.exceeded().isEmpty()) {
      throw new ServerValues.RefusedValueException(bounded.exceeded());
    }
  }

  private static void drain(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // nothing to read from a 304
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Counts bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong counter;

    Counting(InputStream in, AtomicLong counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        counter.addAndGet(n);
      }
      return n;
    }
  }
}
