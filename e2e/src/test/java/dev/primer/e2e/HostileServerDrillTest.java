package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.primer.agent.cli.AgentCli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-server drill (issue #18, hole 4): a server that lies — path traversal in hashes and
 * ids, wrong hashes, oversized answers, a lying Content-Length, endless and stalled streams — runs
 * on loopback against the real agent, as a process. Each time the agent writes nothing outside its
 * home, its store passes {@code verify}, and it ends with a clear message within a bounded time.
 */
class HostileServerDrillTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A sync against a hostile server must end within this, whatever the server does. */
  private static final long BOUND_SECONDS = 90;

  /** Size of a blob entry (above the service's 64 KiB inline limit). */
  private static final int BLOB_SIZE = 100_000;

  @TempDir Path parent;
  private Path home;
  private HttpServer server;
  private ExecutorService threads;

  /** What the hostile server answers, per endpoint; each test sets its own. */
  private volatile Handler devices = ex -> json(ex, "{\"deviceId\":\"d-1\",\"userId\":\"u1\"}");

  private volatile Handler manifest = ex -> json(ex, "{}");
  private volatile Handler fetch = this::honestFetch;
  private volatile Handler blob = ex -> bytes(ex, new byte[BLOB_SIZE]);
  private final Map<String, byte[]> inline = new TreeMap<>();

  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  @BeforeEach
  void start() throws IOException {
    home = parent.resolve("home");
    threads = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            String path = ex.getRequestURI().getRawPath();
            Handler h =
                path.equals("/v1/devices")
                    ? devices
                    : path.endsWith("/manifest")
                        ? manifest
                        : path.endsWith("/records:fetch")
                            ? fetch
                            : path.startsWith("/v1/blobs/")
                                ? blob
                                : path.endsWith("/telemetry")
                                    ? e -> json(e, "{\"accepted\":0,\"duplicates\":0}")
                                    : e -> e.sendResponseHeaders(404, -1);
            h.handle(ex);
          } catch (IOException e) {
            // the agent hung up on an endless answer: that is what it should do
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void pathTraversalInHashesAndIdsWritesNothingOutsideTheHome() throws Exception {
    byte[] good = "a good record".getBytes(StandardCharsets.UTF_8);
    inline.put("r1", good);
    String abs = parent.resolve("abs-escape").toString();
    manifest =
        ex ->
            json(
                ex,
                fullManifest(
                    entry("r1", good.length, Drills.sha256(good), "contact"),
                    entry("r2", BLOB_SIZE, "../../../escaped", "schematic"),
                    entry("r3", BLOB_SIZE, abs, "schematic"),
                    entry("../../id-escape", good.length, Drills.sha256(good), "contact"),
                    entry("r4", good.length, Drills.sha256(good), "../../type")));
    enroll();
    Map<Path, String> before = snapshot();

    Result sync = sync();

    assertThat(snapshot()).as("files outside the home").isEqualTo(before);
    assertThat(sync.exit()).as(sync.output()).isNotZero();
    assertThat(sync.output()).contains("refused");
    assertSound();
    assertThat(agent("show", "r1").output()).contains("a good record");
  }

  @Test
  void wrongHashesAreRefusedAndNeverStored() throws Exception {
    byte[] real = "what the server sends".getBytes(StandardCharsets.UTF_8);
    inline.put("r1", real);
    inline.put("r2", real);
    byte[] blobContent = new byte[BLOB_SIZE];
    manifest =
        ex ->
            json(
                ex,
                fullManifest(
                    entry("r1", real.length, Drills.sha256(real), "contact"),
                    entry("r2", real.length, Drills.sha256("something else".getBytes()), "contact"),
                    entry("r3", BLOB_SIZE, Drills.sha256(new byte[] {1, 2, 3}), "schematic")));
    blob = ex -> bytes(ex, blobContent);
    enroll();
    Map<Path, String> before = snapshot();

    Result sync = sync();

    assertThat(snapshot()).isEqualTo(before);
    assertThat(sync.exit()).as(sync.output()).isNotZero();
    assertThat(sync.output()).contains("refused");
    assertSound();
    assertThat(agent("show", "r2").exit()).isNotZero();
    assertThat(agent("show", "r3").exit()).isNotZero();
  }

  @Test
  void anEndlessManifestIsCutOffAtTheCap() throws Exception {
    manifest =
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          out.write("{\"generation\":1,\"full\":true,\"entries\":[".getBytes());
          String title = "x".repeat(10_000);
          for (int i = 0; ; i++) {
            out.write(
                (entry("r" + i, 10, Drills.sha256(new byte[0]), "contact")
                            .put("title", title)
                            .toString()
                        + ",")
                    .getBytes());
          }
        };
    runAndExpectCleanFailure("manifest");
  }

  @Test
  void aGzipBombManifestIsCutOffAtTheCap() throws Exception {
    java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
      gz.write("{\"generation\":1,\"full\":true,\"entries\":[".getBytes());
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 1024; i++) {
        gz.write(spaces); // 1 GiB of whitespace, a few MB packed
      }
      gz.write("]}".getBytes());
    }
    manifest =
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          bytes(ex, packed.toByteArray());
        };
    runAndExpectCleanFailure("manifest");
  }

  @Test
  void anEndlessRecordsFetchLineIsCutOff() throws Exception {
    byte[] good = "a good record".getBytes(StandardCharsets.UTF_8);
    manifest =
        ex -> json(ex, fullManifest(entry("r1", good.length, Drills.sha256(good), "contact")));
    fetch =
        ex -> {
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          out.write("{\"id\":\"r1\",\"title\":\"".getBytes());
          byte[] chunk = new byte[64 * 1024];
          Arrays.fill(chunk, (byte) 'A');
          while (true) {
            out.write(chunk);
          }
        };
    runAndExpectCleanFailure("records:fetch");
  }

  @Test
  void aBlobWithALyingContentLengthAndEndlessBodyStopsAtTheManifestSize() throws Exception {
    byte[] content = new byte[BLOB_SIZE];
    manifest =
        ex -> json(ex, fullManifest(entry("r1", BLOB_SIZE, Drills.sha256(content), "schematic")));
    blob =
        ex -> {
          ex.sendResponseHeaders(200, 1L << 40); // claims a terabyte, and keeps sending
          OutputStream out = ex.getResponseBody();
          byte[] chunk = new byte[64 * 1024];
          while (true) {
            out.write(chunk);
          }
        };
    runAndExpectCleanFailure("blob");
    try (Stream<Path> files = Files.walk(home)) {
      long biggest =
          files
              .filter(Files::isRegularFile)
              .mapToLong(HostileServerDrillTest::size)
              .max()
              .orElse(0);
      assertThat(biggest).as("largest file in the home").isLessThan(16L << 20);
    }
  }

  @Test
  void aStalledAnswerTimesOut() throws Exception {
    manifest =
        ex -> {
          ex.sendResponseHeaders(200, 0);
          ex.getResponseBody().write("{\"generation\":1,".getBytes());
          ex.getResponseBody().flush();
          try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(BOUND_SECONDS * 3));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    runAndExpectCleanFailure("manifest");
  }

  @Test
  void aHostileDeviceIdIsRefusedAtEnrolment() throws Exception {
    devices = ex -> json(ex, "{\"deviceId\":\"../../../evil\",\"userId\":\"u1\"}");
    Map<Path, String> before = snapshot();
    Result r = agent("enroll", "--server", url(), "--token", "t.t.t");
    assertThat(r.exit()).as(r.output()).isNotZero();
    assertThat(r.output()).contains("device id");
    assertThat(snapshot()).isEqualTo(before);
  }

  /** Enrols, syncs against the current answers, and expects a bounded, clean, named failure. */
  private void runAndExpectCleanFailure(String what) throws Exception {
    enroll();
    Map<Path, String> before = snapshot();
    Result sync = sync();
    assertThat(sync.exit()).as(sync.output()).isNotZero();
    assertThat(sync.output()).contains(what);
    assertThat(sync.output().lines().filter(l -> l.contains("\tat ")).toList())
        .as("no stack trace")
        .isEmpty();
    assertThat(snapshot()).isEqualTo(before);
    assertSound();
  }

  private void assertSound() throws Exception {
    Result verify = agent("verify");
    assertThat(verify.exit()).as(verify.output()).isZero();
    assertThat(verify.output()).contains("0 damaged").contains("sqlite integrity: ok");
  }

  private void enroll() throws Exception {
    Result r = agent("enroll", "--server", url(), "--token", "t.t.t", "--name", "drill");
    assertThat(r.exit()).as(r.output()).isZero();
  }

  private Result sync() throws Exception {
    long t0 = System.nanoTime();
    Result r = agent("sync", "--force", "--quiet");
    System.out.printf(
        "hostile drill: sync exited %d after %.1f s: %s%n",
        r.exit(), (System.nanoTime() - t0) / 1e9, r.output().strip().replace('\n', ' '));
    return r;
  }

  record Result(int exit, String output) {}

  /** Runs {@code agent ARGS --home HOME} as a child JVM, killed when it outlives the bound. */
  private Result agent(String... args) throws Exception {
    List<String> cmd = ChildJvm.java();
    cmd.add("-Xmx512m");
    cmd.add("-Dprimer.agent.read-timeout=3s");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(AgentCli.class.getName());
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--home", home.toString()));
    Path log = parent.resolve("agent.log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(parent.toFile());
    pb.environment().put("PRIMER_AGENT_PASSPHRASE", "drill passphrase");
    Process p = pb.start();
    boolean ended = p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    String output = Files.readString(log);
    Files.delete(log);
    assertThat(ended)
        .as("agent " + args[0] + " ended within " + BOUND_SECONDS + " s: " + output)
        .isTrue();
    return new Result(p.exitValue(), output);
  }

  /** Every path under the parent folder but outside the home, with its size. */
  private Map<Path, String> snapshot() throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(parent)) {
      all.filter(p -> !p.startsWith(home))
          .forEach(
              p -> files.put(parent.relativize(p), Files.isDirectory(p) ? "dir" : "" + size(p)));
    }
    return files;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers records:fetch honestly from {@link #inline}, with the blob name for large records. */
  private void honestFetch(HttpExchange ex) throws IOException {
    JsonNode ids = JSON.readTree(ex.getRequestBody()).path("ids");
    StringBuilder out = new StringBuilder();
    for (JsonNode id : ids) {
      ObjectNode line = JSON.createObjectNode().put("id", id.asText()).put("type", "contact");
      byte[] content = inline.get(id.asText());
      if (content != null) {
        line.put("sizeBytes", content.length)
            .put("contentBase64", Base64.getEncoder().encodeToString(content));
      } else {
        String sha = manifestSha(id.asText());
        line.put("sizeBytes", BLOB_SIZE).put("blob", sha).put("type", "schematic");
      }
      out.append(line).append('\n');
    }
    bytes(ex, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private final Map<String, String> shas = new TreeMap<>();

  private String manifestSha(String id) {
    return shas.getOrDefault(id, Drills.sha256(new byte[0]));
  }

  private ObjectNode entry(String id, long size, String sha, String type) {
    shas.put(id, sha);
    return JSON.createObjectNode()
        .put("recordId", id)
        .put("version", 1)
        .put("sizeBytes", size)
        .put("sha256", sha)
        .put("tier", "guaranteed")
        .put("score", 1.0)
        .put("type", type)
        .put("title", "record " + id)
        .put("reason", "drill");
  }

  private static String fullManifest(ObjectNode... entries) {
    ObjectNode m =
        JSON.createObjectNode()
            .put("deviceId", "d-1")
            .put("userId", "u1")
            .put("generation", 1)
            .put("since", 0)
            .put("full", true)
            .put("etag", "\"1-drill\"")
            .put("budget", 1 << 28)
            .put("builtAt", "2026-05-04T00:00:00Z");
    ArrayNode list = m.putArray("entries");
    Arrays.stream(entries).forEach(list::add);
    return m.toString();
  }

  private static void json(HttpExchange ex, String body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    bytes(ex, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(HttpExchange ex, byte[] body) throws IOException {
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
  }
}
