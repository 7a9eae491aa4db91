package dev.primer.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged priming-service running as a child process against a database of its own, the way
 * {@code bin/primer service} runs it; drills talk to it over HTTP only.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Path ROOT = Repo.root();

  /** The {@code now} that leaves the service on the system clock (drills of edit times). */
  static final Instant SYSTEM_CLOCK = Instant.EPOCH;

  private final String database;
  private final Instant now;
  private final Path log;
  private final Path blobs;
  private final int port;
  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private Process process;

  private ServiceProcess(
      String database,
      Instant now,
      Path log,
      Path blobs,
      int port,
      Map<String, String> properties,
      Map<String, String> environment) {
    this.database = database;
    this.now = now;
    this.log = log;
    this.blobs = blobs;
    this.port = port;
    this.properties = Map.copyOf(properties);
    this.environment = Map.copyOf(environment);
  }

  /** Starts a service on an emptied database {@code database} whose clock stands at {@code now}. */
  static ServiceProcess start(String database, Instant now) {
    return start(database, now, Map.of());
  }

  /** As {@link #start(String, Instant)}, with extra configuration {@code properties}. */
  static ServiceProcess start(String database, Instant now, Map<String, String> properties) {
    return start(database, now, properties, Map.of());
  }

  /**
   * As {@link #start(String, Instant, Map)}, with {@code environment} over the drills' own (the
   * development key as {@code PRIMER_JWT_PUBLIC_KEY}); an empty value removes a variable.
   */
  static ServiceProcess start(
      String database,
      Instant now,
      Map<String, String> properties,
      Map<String, String> environment) {
    Path dir = ROOT.resolve("e2e/target/services/" + database);
    ServiceProcess service =
        new ServiceProcess(
            database,
            now,
            dir.resolve("service.log"),
            dir.resolve("blobs"),
            freePort(),
            properties,
            environment);
    try {
      Files.createDirectories(dir);
      Repo.deleteTree(service.blobs);
      Files.deleteIfExists(service.log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Postgres.recreate(database);
    return service.restart();
  }

  /** Starts the service (again) on the same database, blobs and port. */
  ServiceProcess restart() {
    try {
      process = command().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady();
    return this;
  }

  private ProcessBuilder command() {
    Path jar = ROOT.resolve("priming-service/target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package priming-service first");
    }
    List<String> cmd = ChildJvm.java();
    cmd.add("-Xmx1g");
    cmd.add("-Dquarkus.http.port=" + port);
    cmd.add("-Dprimer.blobs.dir=" + blobs);
    if (!now.equals(SYSTEM_CLOCK)) {
      cmd.add("-Dprimer.clock.now=" + now);
    }
    if (!properties.containsKey("primer.devices.max-per-user")) {
      // Drills enrol an agent store per case for the same few users; DeviceLifecycleDrillTest
      // drills the limit itself.
      cmd.add("-Dprimer.devices.max-per-user=1000");
    }
    properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
    pb.environment().put("PRIMER_DB_URL", Postgres.jdbcUrl(database));
    pb.environment()
        .put(
            "PRIMER_JWT_PUBLIC_KEY",
            ROOT.resolve("priming-service/dev-keys/dev-public.pem").toString());
    environment.forEach(
        (name, value) -> {
          if (value.isEmpty()) {
            pb.environment().remove(name);
          } else {
            pb.environment().put(name, value);
          }
        });
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb;
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException("the service was not ready within 120 s; see " + log);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  String database() {
    return database;
  }

  /** The service's blob store directory. */
  Path blobs() {
    return blobs;
  }

  /** Everything the service has logged so far. */
  String log() {
    return logOf(database);
  }

  /** Everything the service on {@code database} logged, also after it failed to start. */
  static String logOf(String database) {
    try {
      return Files.readString(ROOT.resolve("e2e/target/services/" + database + "/service.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the service (SIGTERM, then SIGKILL after 20 s). */
  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the service with SIGKILL, as a crash or an OOM killer would. */
  void kill() {
    if (process != null && process.isAlive()) {
      try {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
