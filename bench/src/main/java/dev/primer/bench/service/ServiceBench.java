package dev.primer.bench.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.User;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.device.EnrolRequest;
import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.records.RecordLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bin/primer bench service}: measures a running priming-service the way devices use it.
 * Enrols one device per user of a data set, times a cold manifest (selection computed on demand)
 * and a stored one for every user, runs the nightly precompute for all users, then lets N devices
 * at once fetch their manifest and every record in it (and optionally their blobs). Prints
 * latencies, throughput and errors. It speaks to the service through {@link PrimerClient} and mints
 * its own tokens ({@link DevTokens}).
 */
public final class ServiceBench {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String DEVICE = "device";
  private static final String ADMIN = "admin";

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

  private final PrimerClient client;
  private final DevTokens tokens;
  private final PrintStream out;

  private ServiceBench(URI server, DevTokens tokens, PrintStream out, int threads) {
    this.tokens = tokens;
    this.out = out;
    this.client = BenchSetup.client(server, threads);
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
    String keyFile = BenchSetup.DEV_KEY;
    DevTokens tokens;
    String issuer = DevTokens.DEV_ISSUER;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--server" -> server = BenchSetup.value(args, ++i, "--server");
          case "--data" -> data = BenchSetup.value(args, ++i, "--data");
          case "--devices" ->
              devices = BenchSetup.positive(BenchSetup.value(args, ++i, "--devices"), "--devices");
          case "--budget" -> budget = Long.parseLong(BenchSetup.value(args, ++i, "--budget"));
          case "--blobs" -> blobs = true;
          case "--key" -> keyFile = BenchSetup.value(args, ++i, "--key");
          case "--issuer" -> issuer = BenchSetup.value(args, ++i, "--issuer");
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
      tokens = BenchSetup.tokens(keyFile, issuer);
    } catch (IllegalArgumentException e) {
      err.println("primer bench service: " + e.getMessage() + " (see --help)");
      return 2;
    }
    try {
      List<String> users =
          DataSetDirectory.open(Path.of(data)).users().stream().map(User::id).toList();
      ServiceBench bench = new ServiceBench(URI.create(server), tokens, out, devices);
      return bench.bench(users, devices, budget, blobs) == 0 ? 0 : 1;
    } catch (RuntimeException e) {
      err.println("primer bench service: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private String token(String user, String role) {
    return tokens.mint(user, role, Duration.ofHours(4));
  }

  /** Runs every phase; returns the number of errors. */
  private long bench(List<String> users, int deviceCount, long budget, boolean blobs)
      throws InterruptedException {
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
      PrimerClient device = client.withToken(token(user, DEVICE));
      devices.add(new Device(user, enrol(device), device));
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

  private record Device(String user, String id, PrimerClient client) {}

  private static String enrol(PrimerClient device) {
    return device.enrol(new EnrolRequest("bench", "bench")).deviceId();
  }

  /**
   * The whole manifest as it comes back, headers included (for Server-Timing), and uncompressed:
   * the bench measures the service writing the JSON, not gzip.
   */
  private static PrimerClient.Exchange manifest(Device d, long budget) {
    return d.client()
        .exchange(
            "GET",
            "v1/devices/" + d.id() + "/manifest?budget=" + budget,
            Map.of(),
            new byte[0],
            PrimerClient.MANIFEST_MAX);
  }

  /**
   * One manifest per device in turn: the time until the whole answer was read, and the service's
   * own build time from its Server-Timing header (selection, generation, delta; not writing JSON).
   */
  private record Latencies(double[] answered, double[] built) {}

  private static Latencies manifestLatencies(List<Device> devices, long budget) {
    double[] answered = new double[devices.size()];
    double[] built = new double[devices.size()];
    for (int i = 0; i < devices.size(); i++) {
      long t0 = System.nanoTime();
      PrimerClient.Exchange r = manifest(devices.get(i), budget);
      answered[i] = (System.nanoTime() - t0) / 1e6;
      if (r.status() != 200) {
        throw new IllegalStateException(
            "manifest of " + devices.get(i).user() + ": " + r.status() + " " + r.text());
      }
      built[i] = buildMillis(r.header("Server-Timing"));
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

  private void precompute() throws InterruptedException {
    PrimerClient admin = client.withToken(token("bench-admin", ADMIN));
    long runId = admin.postJson("v1/admin/precompute", "").path("runId").asLong(-1);
    JsonNode status;
    while (true) {
      Thread.sleep(500);
      status = admin.getJson("v1/admin/precompute");
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
                }
              }));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
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

  private static void one(
      Device d,
      long budget,
      boolean blobs,
      AtomicLong errors,
      AtomicLong requests,
      AtomicLong records,
      AtomicLong bytes)
      throws IOException {
    PrimerClient.Exchange m = manifest(d, budget);
    requests.incrementAndGet();
    if (m.status() != 200) {
      errors.incrementAndGet();
      return;
    }
    List<String> ids = new ArrayList<>();
    for (ManifestEntry e : JSON.readValue(m.body(), Manifest.class).entries()) {
      ids.add(e.recordId());
    }
    List<String> blobShas = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      requests.incrementAndGet();
      // A refused answer (an error status, fewer or more lines than ids) is one error.
      try {
        d.client()
            .fetch(
                d.id(),
                chunk,
                (RecordLine line) -> {
                  if (!line.error().isEmpty()) {
                    errors.incrementAndGet();
                  } else if (!line.blob().isEmpty()) {
                    blobShas.add(line.blob());
                  } else {
                    bytes.addAndGet(line.sizeBytes());
                  }
                  records.incrementAndGet();
                });
      } catch (RuntimeException e) {
        errors.incrementAndGet();
      }
    }
    if (blobs) {
      for (String sha : blobShas) {
        requests.incrementAndGet();
        try (PrimerClient.BlobStream blob = d.client().blob(sha, 0);
            InputStream in = blob.body()) {
          bytes.addAndGet(in.transferTo(OutputStream.nullOutputStream()));
        } catch (RuntimeException e) {
          errors.incrementAndGet();
        }
      }
    }
  }
}
