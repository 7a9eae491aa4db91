package dev.primer.protocol.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.primer.protocol.Headers;
import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.device.EnrolRequest;
import dev.primer.protocol.device.Enrolled;
import dev.primer.protocol.device.IssuedToken;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.OpenReviews;
import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.problem.ProblemDocument;
import dev.primer.protocol.records.FetchRequest;
import dev.primer.protocol.records.RecordLine;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import dev.primer.protocol.telemetry.TelemetryLine;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * The {@code /v1} API over java.net.http, for every program that speaks to the service: the device
 * agent, the data pusher, the model publisher, the benches and the drills. Answers are read with
 * limits (no endless stream or gzip bomb is buffered), a stalled answer fails after the read
 * timeout, every error answer becomes a {@link ServiceException} carrying its problem document, and
 * every body byte received is counted as it came over the wire.
 *
 * <p>The client does not retry by itself: callers wrap calls in a {@link RetryPolicy} where a retry
 * is safe.
 */
public final class PrimerClient {
  /** Socket reads (16 KiB each by default) an answer may run ahead of its reader: 1 MiB. */
  private static final int READ_AHEAD_LISTS = 64;

  /** Largest manifest answer accepted, decoded (a medium rep's is about 2 MiB). */
  public static final long MANIFEST_MAX = 64L << 20;

  /**
   * Largest records:fetch answer accepted, decoded: a batch holds at most 8 MiB of inline content
   * (11 MiB in base64) besides its ids and titles.
   */
  public static final long FETCH_MAX = 64L << 20;

  /** Longest records:fetch line accepted: 64 KiB of inline content is 86 KiB in base64. */
  public static final long FETCH_LINE_MAX = 1L << 20;

  /** Largest small JSON answer (enrolment, telemetry, imports, a problem document). */
  public static final long JSON_MAX = 1L << 20;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectReader LINE_READER = JSON.readerFor(RecordLine.class);

  private final URI server;
  private final String token;
  private final HttpClient http;
  private final Duration answerTimeout;
  private final Duration readTimeout;
  private final AtomicLong wireBytes = new AtomicLong();

  private PrimerClient(Builder b) {
    this.server = b.server;
    this.token = b.token;
    this.answerTimeout = b.answerTimeout;
    this.readTimeout = b.readTimeout;
    HttpClient.Builder http =
        HttpClient.newBuilder()
            // HTTP/1.1: the JDK otherwise upgrades cleartext connections to HTTP/2, and an HTTP/2
            // answer cut after its headers once stalled a drill for twenty minutes.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(b.connectTimeout);
    b.sslContext.ifPresent(http::sslContext);
    b.executor.ifPresent(http::executor);
    this.http = http.build();
  }

  private PrimerClient(PrimerClient base, String token) {
    this.server = base.server;
    this.token = token;
    this.answerTimeout = base.answerTimeout;
    this.readTimeout = base.readTimeout;
    this.http = base.http;
  }

  /** A client of the service at {@code server} (its root, e.g. {@code https://primer.example}). */
  public static Builder builder(URI server) {
    return new Builder(server);
  }

  /** How a client is made. */
  public static final class Builder {
    private final URI server;
    private String token = "";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration answerTimeout = Duration.ofMinutes(5);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Optional<SSLContext> sslContext = Optional.empty();
    private Optional<Executor> executor = Optional.empty();

    private Builder(URI server) {
      String s = server.toString();
      if (server.getScheme() == null
          || !(server.getScheme().equals("http") || server.getScheme().equals("https"))
          || server.getHost() == null) {
        throw new IllegalArgumentException("the server must be an http(s) URL, was '" + s + "'");
      }
      this.server = URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** The bearer token every request carries (none when empty). */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** The longest wait for a connection. */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    /** The longest wait for an answer's headers; default 5 minutes. */
    public Builder answerTimeout(Duration d) {
      this.answerTimeout = d;
      return this;
    }

    /** The longest wait for the next bytes of an answer body; default 60 s. */
    public Builder readTimeout(Duration d) {
      this.readTimeout = d;
      return this;
    }

    /** The TLS context for https (trust store, pinning). */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Optional.of(context);
      return this;
    }

    /** The executor of the HTTP client, e.g. sized to a number of parallel uploads. */
    public Builder executor(Executor executor) {
      this.executor = Optional.of(executor);
      return this;
    }

    /** The client. */
    public PrimerClient build() {
      return new PrimerClient(this);
    }
  }

  /**
   * A client like this one that sends {@code token} instead, over the same connections: for a
   * program that speaks for many users at once (a bench's devices), where one HTTP client each
   * would open a connection pool and a selector thread each. Its {@link #wireBytes} start at 0.
   */
  public PrimerClient withToken(String token) {
    return new PrimerClient(this, token);
  }

  /** The service's root URL, ending in a slash. */
  public URI server() {
    return server;
  }

  /** Body bytes received so far (compressed bytes when the answer was gzip). */
  public long wireBytes() {
    return wireBytes.get();
  }

  // ---- devices --------------------------------------------------------------------------------

  /** Registers a device for the token's user ({@code POST /v1/devices}). */
  public Enrolled enrol(EnrolRequest request) {
    return readJson(
        send(post("v1/devices", json(request), MediaTypes.JSON)), Enrolled.class, "v1/devices");
  }

  /**
   * A new token for device {@code deviceId} ({@code POST /v1/devices/{id}/token}); the one this
   * client sends keeps working for a few minutes after.
   */
  public IssuedToken renewToken(String deviceId) {
    String path = "v1/devices/" + segment(deviceId) + "/token";
    return readJson(send(post(path, "", MediaTypes.JSON)), IssuedToken.class, path);
  }

  /**
   * The device's manifest for {@code budget} bytes, a delta when {@code since} names a generation
   * the service kept; empty when {@code ifNoneMatch} still matches (304). The ETag header wins over
   * the body's.
   */
  public Optional<Manifest> manifest(
      String deviceId, long budget, OptionalLong since, Optional<String> ifNoneMatch) {
    String path =
        "v1/devices/"
            + segment(deviceId)
            + "/manifest?budget="
            + budget
            + (since.isPresent() ? "&since=" + since.getAsLong() : "");
    HttpRequest.Builder request = request(path).header(Headers.ACCEPT_ENCODING, "gzip").GET();
    ifNoneMatch.filter(e -> !e.isEmpty()).ifPresent(e -> request.header(Headers.IF_NONE_MATCH, e));
    HttpResponse<InputStream> response = send(request.build());
    if (response.statusCode() == 304) {
      drain(response);
      return Optional.empty();
    }
    BoundedInput bounded =
        new BoundedInput(body(response), "the manifest", MANIFEST_MAX, Long.MAX_VALUE);
    try (InputStream in = bounded) {
      Manifest manifest = JSON.readValue(in, Manifest.class);
      return Optional.of(
          manifest.withEtag(response.headers().firstValue(Headers.ETAG).orElse(manifest.etag())));
    } catch (IOException e) {
      refuseIfExceeded(bounded);
      throw new UncheckedIOException("cannot read the manifest", e);
    }
  }

  /**
   * Streams records:fetch for {@code ids}, one parsed line at a time, in request order; refused
   * when the answer has more or fewer lines than ids.
   */
  public void fetch(String deviceId, List<String> ids, Consumer<RecordLine> lines) {
    HttpRequest request =
        request("v1/devices/" + segment(deviceId) + "/records:fetch")
            .header("Content-Type", MediaTypes.JSON)
            .header("Accept", MediaTypes.NDJSON)
            .header(Headers.ACCEPT_ENCODING, "gzip")
            .POST(BodyPublishers.ofString(json(new FetchRequest(ids))))
            .build();
    HttpResponse<InputStream> response = send(request);
    BoundedInput bounded =
        new BoundedInput(body(response), "the records:fetch answer", FETCH_MAX, FETCH_LINE_MAX);
    // One parser over the bytes: NDJSON is a sequence of root values, and the newlines between
    // them are whitespace to Jackson. Reading lines first decoded every byte into chars and back.
    try (InputStream in = bounded;
        MappingIterator<RecordLine> values = LINE_READER.readValues(in)) {
      int read = 0;
      while (values.hasNextValue()) {
        if (read == ids.size()) {
          throw new RefusedAnswerException(
              "records:fetch answered more lines than the " + ids.size() + " ids asked for");
        }
        lines.accept(values.nextValue());
        read++;
      }
      if (read != ids.size()) {
        throw new EOFException(
            "records:fetch answered " + read + " lines for " + ids.size() + " ids");
      }
    } catch (IOException e) {
      refuseIfExceeded(bounded);
      throw new UncheckedIOException("records:fetch broke off", e);
    }
  }

  /** A blob answer: the body from the asked offset, and whether the service honoured the Range. */
  public record BlobStream(InputStream body, boolean partial) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** Opens blob {@code sha256} from byte {@code offset} (Range and If-Range when offset > 0). */
  public BlobStream blob(String sha256, long offset) {
    HttpRequest.Builder request = request("v1/blobs/" + segment(sha256)).GET();
    if (offset > 0) {
      request
          .header(Headers.RANGE, "bytes=" + offset + "-")
          .header(Headers.IF_RANGE, "\"" + sha256 + "\"");
    }
    HttpResponse<InputStream> response = send(request.build());
    return new BlobStream(body(response), response.statusCode() == 206);
  }

  /** Sends access events ({@code POST /v1/devices/{id}/telemetry}, NDJSON). */
  public TelemetryAnswer telemetry(String deviceId, List<TelemetryLine> events) {
    StringBuilder body = new StringBuilder();
    for (TelemetryLine e : events) {
      body.append(json(e)).append('\n');
    }
    String path = "v1/devices/" + segment(deviceId) + "/telemetry";
    return readJson(
        send(post(path, body.toString(), MediaTypes.NDJSON)), TelemetryAnswer.class, path);
  }

  /**
   * Uploads offline edits ({@code POST /v1/devices/{id}/edits}); one receipt per operation. Safe to
   * repeat: a resent operation is answered with its first receipt and changes nothing.
   */
  public EditReceipts edits(String deviceId, EditBatch batch) {
    String path = "v1/devices/" + segment(deviceId) + "/edits";
    return readJson(send(post(path, json(batch), MediaTypes.JSON)), EditReceipts.class, path);
  }

  /** The device's operations still open in review ({@code GET /v1/devices/{id}/reviews}). */
  public OpenReviews openReviews(String deviceId) {
    String path = "v1/devices/" + segment(deviceId) + "/reviews";
    return readJson(send(request(path).GET().build()), OpenReviews.class, path);
  }

  // ---- loading an organisation, models, administration ----------------------------------------

  /** Posts a gzip NDJSON chunk to {@code POST /v1/import/{kind}}; the service's counts. */
  public JsonNode importChunk(String kind, byte[] gzippedNdjson) {
    return sendForJson(
        request("v1/import/" + segment(kind))
            .header("Content-Type", MediaTypes.NDJSON)
            .header(Headers.CONTENT_ENCODING, "gzip")
            .POST(BodyPublishers.ofByteArray(gzippedNdjson)));
  }

  /** Puts a user's iCalendar ({@code PUT /v1/users/{id}/calendar}). */
  public JsonNode putCalendar(String userId, String ics) {
    return sendForJson(
        request("v1/users/" + segment(userId) + "/calendar")
            .header("Content-Type", MediaTypes.CALENDAR)
            .PUT(BodyPublishers.ofString(ics)));
  }

  /** Puts a record's content from memory ({@code PUT /v1/records/{id}/content}). */
  public JsonNode putContent(String recordId, byte[] content) {
    return sendForJson(
        request("v1/records/" + segment(recordId) + "/content")
            .header("Content-Type", MediaTypes.OCTETS)
            .PUT(BodyPublishers.ofByteArray(content)));
  }

  /** Puts a record's content of a known length, streamed; ten minutes to the answer. */
  public JsonNode putContent(String recordId, Supplier<InputStream> content, long length) {
    BodyPublisher publisher =
        BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(content), length);
    return sendForJson(
        request("v1/records/" + segment(recordId) + "/content")
            .header("Content-Type", MediaTypes.OCTETS)
            .timeout(Duration.ofMinutes(10))
            .PUT(publisher));
  }

  /** Uploads a model bundle ({@code POST /v1/models}); the model as the service lists it. */
  public JsonNode publishModel(Path bundle) {
    try {
      return sendForJson(
          request("v1/models")
              .header("Content-Type", MediaTypes.ZIP)
              .timeout(Duration.ofMinutes(10))
              .POST(BodyPublishers.ofFile(bundle)));
    } catch (java.io.FileNotFoundException e) {
      throw new UncheckedIOException("cannot read " + bundle, e);
    }
  }

  /** Makes model {@code id} the one that scores ({@code POST /v1/models/{id}/activate}). */
  public JsonNode activateModel(String id) {
    return sendForJson(
        request("v1/models/" + segment(id) + "/activate").POST(BodyPublishers.noBody()));
  }

  /**
   * Attaches an evaluation report to model {@code id} ({@code PUT /v1/models/{id}/evaluation}); the
   * model's entry.
   */
  public JsonNode attachEvaluation(String id, String evaluationJson) {
    return putJson("v1/models/" + segment(id) + "/evaluation", evaluationJson);
  }

  /** GETs a JSON answer from {@code path} (relative to the server root, e.g. "v1/models"). */
  public JsonNode getJson(String path) {
    return sendForJson(request(relative(path)).GET());
  }

  /** PUTs a JSON body to {@code path}; the JSON answer (empty object for an empty one). */
  public JsonNode putJson(String path, String json) {
    return sendForJson(
        request(relative(path))
            .header("Content-Type", MediaTypes.JSON)
            .PUT(BodyPublishers.ofString(json)));
  }

  /** POSTs a JSON body to {@code path}; the JSON answer (empty object for an empty one). */
  public JsonNode postJson(String path, String json) {
    return sendForJson(
        request(relative(path))
            .header("Content-Type", MediaTypes.JSON)
            .POST(BodyPublishers.ofString(json)));
  }

  // ---- any request, as it comes back -----------------------------------------------------------

  /**
   * What came back from a request, whatever its status: for drills and tools that look at the
   * answer itself.
   */
  public record Exchange(int status, Map<String, List<String>> headers, byte[] body) {
    /** The first value of header {@code name}, or empty. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
          .map(h -> h.getValue().get(0))
          .findFirst()
          .orElse("");
    }

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Sends {@code method path} with {@code headers} and {@code body} (no body when empty) and
   * returns the answer as it is, error statuses included; the answer is read whole, up to {@code
   * maxBody} bytes.
   */
  public Exchange exchange(
      String method, String path, Map<String, String> headers, byte[] body, long maxBody) {
    HttpRequest.Builder request =
        request(relative(path))
            .method(
                method,
                body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<InputStream> response = raw(request.build());
    BoundedInput bounded =
        new BoundedInput(body(response), "the answer of " + path, maxBody, Long.MAX_VALUE);
    try (InputStream in = bounded) {
      return new Exchange(response.statusCode(), response.headers().map(), in.readAllBytes());
    } catch (IOException e) {
      refuseIfExceeded(bounded);
      throw new UncheckedIOException(method + " " + path + " broke off", e);
    }
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  private HttpRequest post(String path, String body, String type) {
    return request(path).header("Content-Type", type).POST(BodyPublishers.ofString(body)).build();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).timeout(answerTimeout);
    if (!token.isEmpty()) {
      b.header(Headers.AUTHORIZATION, "Bearer " + token);
    }
    return b;
  }

  private JsonNode sendForJson(HttpRequest.Builder request) {
    HttpRequest built = request.header("Accept", MediaTypes.JSON).build();
    return readJson(send(built), JsonNode.class, built.uri().getPath());
  }

  private <T> T readJson(HttpResponse<InputStream> response, Class<T> type, String what) {
    BoundedInput bounded =
        new BoundedInput(body(response), "the answer of " + what, JSON_MAX, Long.MAX_VALUE);
    try (InputStream in = bounded) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0 && type == JsonNode.class) {
        return type.cast(JSON.createObjectNode());
      }
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      refuseIfExceeded(bounded);
      throw new UncheckedIOException("cannot read the answer of " + what, e);
    }
  }

  /** Sends; any status other than 2xx and 304 becomes a {@link ServiceException}. */
  private HttpResponse<InputStream> send(HttpRequest request) {
    HttpResponse<InputStream> response = raw(request);
    int status = response.statusCode();
    if ((status >= 200 && status < 300) || status == 304) {
      return response;
    }
    ProblemDocument problem = problem(response, status);
    Optional<Duration> retryAfter =
        response.headers().firstValue(Headers.RETRY_AFTER).flatMap(PrimerClient::retryAfter);
    throw new ServiceException(
        status,
        request.uri().getPath() + " answered " + status + ": " + problem.explanation(),
        retryAfter,
        problem);
  }

  private HttpResponse<InputStream> raw(HttpRequest request) {
    try {
      return http.send(request, ReadAheadBody.handler(READ_AHEAD_LISTS, readTimeout));
    } catch (ConnectException e) {
      throw new UncheckedIOException(
          "cannot reach the service at " + server + " (is it running there?)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted"));
    }
  }

  /** The Retry-After header's wait: seconds, or an HTTP date. */
  public static Optional<Duration> retryAfter(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(Instant.now(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
  }

  /** The error answer's problem document; a body that is not one becomes its detail. */
  private ProblemDocument problem(HttpResponse<InputStream> response, int status) {
    try (InputStream in = body(response)) {
      byte[] bytes = in.readNBytes(64 * 1024);
      try {
        ProblemDocument p = JSON.readValue(bytes, ProblemDocument.class);
        return p.status() == 0
            ? new ProblemDocument(
                p.type(), p.title(), status, p.detail(), p.instance(), p.errors(), p.errorId())
            : p;
      } catch (IOException notJson) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.length() > 200) {
          text = text.substring(0, 200) + "…";
        }
        return ProblemDocument.of("", "", status, text, "", List.of());
      }
    } catch (IOException e) {
      return ProblemDocument.of("", "", status, "", "", List.of());
    }
  }

  private InputStream body(HttpResponse<InputStream> response) {
    InputStream counted = new Counting(response.body(), wireBytes);
    boolean gzip =
        response
            .headers()
            .firstValue(Headers.CONTENT_ENCODING)
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
      throw new RefusedAnswerException(bounded.exceeded());
    }
  }

  private static void drain(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // nothing to read from a 304
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String relative(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** One path segment, percent-encoded: ids come from data and must not reshape the path. */
  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
