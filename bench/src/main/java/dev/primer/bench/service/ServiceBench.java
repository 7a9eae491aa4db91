package dev.primer.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.User;
import dev.primer.service.auth.Roles;
import dev.primer.service.token.TokenSigner;
import dev.primer.service.token.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * {@code bin/primer bench service}: measures a running priming-service the way devices use it.
 * Enrols one device per user of a data set, times a cold manifest (selection computed on demand)
 * and a stored one for every user, runs the nightly precompute for all users, then lets N devices
 * at once fetch their manifest and every record in it (and optionally their blobs). Prints
 * latencies, throughput and errors.
 */
public final class ServiceBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String USAGE =
      """
      Usage: bin/primer bench service --server URL --data DIR [--devices N] [--budget BYTES]
                                      [--blobs] [--key PEM] [--issuer URI]
      Measures manifest latency (cold and precomputed; until the answer was read, and the
      service's own build time from its Server-Timing header), the precompute of all users and
      the throughput of N devices fetching their manifest and records at once.
        --server URL     the running service, e.g. http://localhost:8080
        --data DIR       the data set loaded into it (for its user ids)
        --devices N      devices fetching at once; default 200
        --budget BYTES   device budget; default 268435456 (256 MiB)
        --blobs          also download every large record's blob
        --key PEM        private key for tokens; default priming-service/dev-keys/dev-private.pem
        --issuer URI     token issuer; default https://primer.dev/issuer
      """;

  private final HttpClient http;
  private final URI server;
  private final TokenSigner signer;
  private final PrintStream out;

  private ServiceBench(URI server, TokenSigner signer, PrintStream out, int threads) {
    this.server = server;
    this.signer = signer;
    this.out = out;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(Math.max(4, threads)))
            .build();
  }

  /** Runs the bench; exit code 0 ok (and no errors), 1 failure or errors, 2 bad usage. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String server = null;
    String data = null;
    int devices = 200;
    long budget = 268435456L;
    boolean blobs = false;
    String keyFile = "priming-service/dev-keys/dev-private.pem";
    String issuer = Tokens.DEV_ISSUER;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--server" -> server = value(args, ++i, "--server");
          case "--data" -> data = value(args, ++i, "--data");
          case "--devices" -> devices = Integer.parseInt(value(args, ++i, "--devices"));
          case "--budget" -> budget = Long.parseLong(value(args, ++i, "--budget"));
          case "--blobs" -> blobs = true;
          case "--key" -> keyFile = value(args, ++i, "--key");
          case "--issuer" -> issuer = value(args, ++i, "--issuer");
          case "-h", "--help" -> {
            out.print(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (server == null || data == null) {
        throw new IllegalArgumentException("--server and --data are required");
      }
      if (devices < 1 || budget < 1) {
        throw new IllegalArgumentException("--devices and --budget must be > 0");
      }
      if (!Files.isRegularFile(Path.of(keyFile))) {
        throw new IllegalArgumentException("no key file " + keyFile);
      }
    } catch (IllegalArgumentException e) {
      err.println("primer bench service: " + e.getMessage() + " (see --help)");
      return 2;
    }
    try {
      List<String> users =
          DataSetDirectory.open(Path.of(data)).users().stream().map(User::id).toList();
      ServiceBench bench =
          new ServiceBench(
              URI.create(server),
              new TokenSigner(
                  Tokens.readPrivateKey(Path.of(keyFile)), issuer, Tokens.DEFAULT_AUDIENCE),
              out,
              devices);
      return bench.bench(users, devices, budget, blobs) == 0 ? 0 : 1;
    } catch (RuntimeException | IOException e) {
      err.println("primer bench service: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private String token(String user, String role) {
    return "Bearer " + signer.mint(user, List.of(role), Instant.now(), Duration.ofHours(4));
  }

  /** Runs every phase; returns the number of errors. */
  private long bench(List<String> users, int deviceCount, long budget, boolean blobs)
      throws IOException, InterruptedException {
    // A budget a few bytes below the asked one that no earlier run used: the first manifest of
    // every user is then computed on demand (cold), not found among stored selections.
    long runBudget = budget - 1 - (System.nanoTime() & 0xfff);
    out.printf(
        Locale.ROOT,
        "%d users, budget %d bytes (run budget %d)%n",
        users.size(),
        budget,
        runBudget);

    List<Device> devices = new ArrayList<>();
    for (int i = 0; i < Math.max(deviceCount, users.size()); i++) {
      String user = users.get(i % users.size());
      devices.add(new Device(user, enrol(user), token(user, Roles.DEVICE)));
    }
    List<Device> firstPerUser = devices.subList(0, users.size());

    // Warm-up, not timed: one cold round at another budget, so that the timed rounds measure the
    // compiled code of a service that has been running, not the JIT's first minutes.
    long warmUpBudget = runBudget - 0x1000;
    manifestLatencies(firstPerUser, warmUpBudget);
    out.printf(
        Locale.ROOT,
        "warm-up: %d cold manifests at budget %d, not timed%n",
        users.size(),
        warmUpBudget);
    print(
        "manifest, cold (selection computed on demand)",
        manifestLatencies(firstPerUser, runBudget));
    print(
        "manifest, selection stored (same day, model, data)",
        manifestLatencies(firstPerUser, runBudget));

    precompute();
    print("manifest, after the precompute", manifestLatencies(firstPerUser, runBudget));

    return concurrent(devices.subList(0, deviceCount), runBudget, blobs);
  }

  private record Device(String user, String id, String token) {}

  private String enrol(String user) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.resolve("/v1/devices"))
                .header("Authorization", token(user, Roles.DEVICE))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"bench\",\"platform\":\"bench\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(
          "enrolment of a device for " + user + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("deviceId").asText();
  }

  private HttpResponse<byte[]> manifest(Device d, long budget)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                server.resolve("/v1/devices/" + d.id() + "/manifest?budget=" + budget))
            .header("Authorization", d.token())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * One manifest per device in turn: the time until the whole answer was read, and the service's
   * own build time from its Server-Timing header (selection, generation, delta; not writing JSON).
   */
  private record Latencies(double[] answered, double[] built) {}

  private Latencies manifestLatencies(List<Device> devices, long budget)
      throws IOException, InterruptedException {
    double[] answered = new double[devices.size()];
    double[] built = new double[devices.size()];
    for (int i = 0; i < devices.size(); i++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = manifest(devices.get(i), budget);
      answered[i] = (System.nanoTime() - t0) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "manifest of "
                + devices.get(i).user()
                + ": "
                + r.statusCode()
                + " "
                + new String(r.body(), StandardCharsets.UTF_8));
      }
      built[i] = buildMillis(r.headers().firstValue("Server-Timing").orElse(""));
    }
    return new Latencies(answered, built);
  }

  /** The {@code build;dur=MS} of a Server-Timing header; NaN when absent. */
  static double buildMillis(String serverTiming) {
    for (String metric : serverTiming.split(",")) {
      String[] parts = metric.strip().split(";");
      if (!parts[0].strip().equals("build")) {
        continue;
      }
      for (int k = 1; k < parts.length; k++) {
        String p = parts[k].strip();
        if (p.startsWith("dur=")) {
          try {
            return Double.parseDouble(p.substring(4));
          } catch (NumberFormatException e) {
            return Double.NaN;
          }
        }
      }
    }
    return Double.NaN;
  }

  private void print(String what, Latencies l) {
    print(what + ", answered", l.answered());
    if (Arrays.stream(l.built()).noneMatch(Double::isNaN)) {
      print("  of which built in the service (Server-Timing)", l.built());
    }
  }

  private void print(String what, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    out.printf(
        Locale.ROOT,
        "%-60s n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
        what,
        sorted.length,
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  private static double percentile(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private void precompute() throws IOException, InterruptedException {
    String admin = token("bench-admin", Roles.ADMIN);
    HttpResponse<String> started =
        http.send(
            HttpRequest.newBuilder(server.resolve("/v1/admin/precompute"))
                .header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new IllegalStateException("precompute: " + started.statusCode() + " " + started.body());
    }
    long runId = JSON.readTree(started.body()).path("runId").asLong(-1);
    JsonNode status;
    while (true) {
      Thread.sleep(500);
      String body =
          http.send(
                  HttpRequest.newBuilder(server.resolve("/v1/admin/precompute"))
                      .header("Authorization", admin)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      status = JSON.readTree(body);
      if (status.path("runId").asLong() == runId
          && status.path("state").asText().equals("finished")) {
        break;
      }
    }
    int users = status.path("users").asInt();
    long ms = status.path("elapsedMs").asLong();
    out.printf(
        Locale.ROOT,
        "precompute: %d users in %.1f s (%.1f ms per user on average, %d failed);"
            + " 2,000 users at this rate: %.1f s%n",
        users,
        ms / 1000.0,
        status.path("meanUserMs").asDouble(),
        status.path("usersFailed").asInt(),
        users == 0 ? 0 : ms / 1000.0 * 2000 / users);
  }

  /** N devices at once: manifest, then every record in chunks of 1000 (and blobs). */
  private long concurrent(List<Device> devices, long budget, boolean blobs)
      throws InterruptedException {
    AtomicLong errors = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    AtomicLong records = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(devices.size());
    long t0 = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (Device d : devices) {
      futures.add(
          pool.submit(
              () -> {
                try {
                  one(d, budget, blobs, errors, requests, records, bytes);
                } catch (IOException | RuntimeException e) {
                  errors.incrementAndGet();
                  out.println("device of " + d.user() + ": " + e.getMessage());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        errors.incrementAndGet();
      }
    }
    pool.shutdown();
    double s = (System.nanoTime() - t0) / 1e9;
    out.printf(
        Locale.ROOT,
        "%d devices at once: %d requests, %,d records, %.1f MB of content in %.1f s:"
            + " %.0f requests/s, %.0f records/s, %.1f MB/s; errors: %d%n",
        devices.size(),
        requests.get(),
        records.get(),
        bytes.get() / 1e6,
        s,
        requests.get() / s,
        records.get() / s,
        bytes.get() / 1e6 / s,
        errors.get());
    return errors.get();
  }

  private void one(
      Device d,
      long budget,
      boolean blobs,
      AtomicLong errors,
      AtomicLong requests,
      AtomicLong records,
      AtomicLong bytes)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> m = manifest(d, budget);
    requests.incrementAndGet();
    if (m.statusCode() != 200) {
      errors.incrementAndGet();
      return;
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode e : JSON.readTree(m.body()).get("entries")) {
      ids.add(e.get("recordId").asText());
    }
    List<String> blobShas = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      HttpResponse<InputStream> r =
          http.send(
              HttpRequest.newBuilder(server.resolve("/v1/devices/" + d.id() + "/records:fetch"))
                  .header("Authorization", d.token())
                  .header("Content-Type", "application/json")
                  .header("Accept-Encoding", "gzip")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          JSON.writeValueAsBytes(java.util.Map.of("ids", chunk))))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      requests.incrementAndGet();
      if (r.statusCode() != 200) {
        errors.incrementAndGet();
        r.body().close();
        continue;
      }
      boolean gzip = r.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
      try (InputStream in = gzip ? new GZIPInputStream(r.body()) : r.body();
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        int n = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          JsonNode record = JSON.readTree(line);
          if (record.has("error")) {
            errors.incrementAndGet();
          } else if (record.has("blob")) {
            blobShas.add(record.get("blob").asText());
          } else {
            bytes.addAndGet(record.get("sizeBytes").asLong());
          }
          n++;
        }
        records.addAndGet(n);
        if (n != chunk.size()) {
          errors.incrementAndGet();
        }
      }
    }
    if (blobs) {
      for (String sha : blobShas) {
        HttpResponse<InputStream> r =
            http.send(
                HttpRequest.newBuilder(server.resolve("/v1/blobs/" + sha))
                    .header("Authorization", d.token())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        requests.incrementAndGet();
        try (InputStream in = r.body()) {
          long n = in.transferTo(java.io.OutputStream.nullOutputStream());
          if (r.statusCode() != 200) {
            errors.incrementAndGet();
          } else {
            bytes.addAndGet(n);
          }
        }
      }
    }
  }
}
