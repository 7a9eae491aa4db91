package dev.primer.agent.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real priming-service, started as a child process from its Quarkus build on a random port,
 * against its own PostgreSQL database, with "now" pinned and blobs under target/.
 */
final class ServiceHarness implements AutoCloseable {
  // PRIMER_TEST_DB_SUFFIX keeps parallel checkouts (worktrees) off each other's databases.
  static final String DB =
      "primer_agent_test" + System.getenv().getOrDefault("PRIMER_TEST_DB_SUFFIX", "");
  static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
  static final String NOW = "2026-05-03T20:00:00Z";

  private final Path serviceDir;
  final Path blobDir;
  private final Path log;
  private Process process;
  private int port;

  ServiceHarness(Path workDir) throws IOException {
    // primer.service.dir points at another build of the service (e.g. a branch not yet on main).
    this.serviceDir =
        Path.of(
                System.getProperty(
                    "primer.service.dir", Path.of("..", "priming-service").toString()))
            .toAbsolutePath()
            .normalize();
    this.blobDir = workDir.resolve("service-blobs").toAbsolutePath();
    this.log = workDir.resolve("service.log").toAbsolutePath();
    Files.createDirectories(blobDir);
    Path jar = serviceDir.resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the service is not built: " + jar + " (run ./mvnw -pl client-agent -am verify)");
    }
  }

  /** Creates the test database if it is missing. */
  static void ensureDatabase() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DB + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + DB);
      }
    }
  }

  static Connection db() throws SQLException {
    return DriverManager.getConnection(DB_URL, "postgres", "");
  }

  /** Starts the service; {@code clean} empties the database first (Flyway clean). */
  void start(boolean clean) throws Exception {
    if (port == 0) {
      // Picked once: a restarted service keeps its address, as enrolled agents expect.
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dprimer.clock.now=" + NOW);
    command.add("-Dprimer.blobs.dir=" + blobDir);
    command.add("-Dquarkus.flyway.clean-disabled=false");
    command.add("-Dquarkus.flyway.clean-at-start=" + clean);
    // The tests enrol many stores for the same few users; the limit is drilled in e2e.
    command.add("-Dprimer.devices.max-per-user=1000");
    command.add("-jar");
    command.add(serviceDir.resolve("target/quarkus-app/quarkus-run.jar").toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(serviceDir.toFile());
    builder.environment().put("PRIMER_DB_URL", DB_URL);
    builder
        .environment()
        .put("PRIMER_JWT_PUBLIC_KEY", serviceDir.resolve("dev-keys/dev-public.pem").toString());
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited: see " + log);
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the service did not become ready in 120 s: see " + log);
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      process = null;
    }
  }

  void restart() throws Exception {
    stop();
    start(false);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** A token from the development key, minted by the service's own TokenCli. */
  String token(String user, String role) throws Exception {
    String cp =
        serviceDir.resolve("target/quarkus-app/app")
            + "/*"
            + java.io.File.pathSeparator
            + serviceDir.resolve("target/quarkus-app/lib/main")
            + "/*"
            // lib/boot holds what Quarkus's runner loads first (smallrye-common): minting needs it.
            + java.io.File.pathSeparator
            + serviceDir.resolve("target/quarkus-app/lib/boot")
            + "/*";
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                cp,
                "dev.primer.service.token.TokenCli",
                "--user",
                user,
                "--role",
                role)
            .directory(serviceDir.toFile());
    builder
        .environment()
        .put("PRIMER_JWT_PRIVATE_KEY", serviceDir.resolve("dev-keys/dev-private.pem").toString());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0 || out.isEmpty()) {
      throw new IllegalStateException("TokenCli failed: " + err);
    }
    return out.lines().reduce((a, b) -> b).orElseThrow();
  }

  /** Where the service's disk blob store keeps {@code sha256}. */
  Path blobFile(String sha256) {
    return blobDir.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
