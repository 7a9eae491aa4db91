package dev.primer.bench.service;

import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.RecordType;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.device.EnrolRequest;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.Outcome;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.records.RecordField;
import dev.primer.protocol.records.RecordLine;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bin/primer bench edits}: how many offline edit operations a running priming-service
 * accepts per second. Devices (one per user, as many as asked) upload operations in batches (100 by
 * default) to records their users own: phone numbers of contacts (last-write), stock counts of
 * parts (numeric-delta), visit hours (numeric-delta); a share of them on a stale base, so that the
 * merge policies run, not only clean writes. Prints operations per second, batch latencies and the
 * receipts by outcome.
 */
public final class EditBench {
  private static final String USAGE =
      """
      Usage: bin/primer bench edits --server URL --data DIR [--devices N] [--operations N]
                                    [--batch N] [--stale SHARE] [--key PEM] [--issuer URI]
      Measures the operations per second the service accepts at POST /v1/devices/{id}/edits,
      N devices uploading at once, and the latency of one batch.
        --server URL      the running service, e.g. http://localhost:8080
        --data DIR        the data set loaded into it (users, accounts, records)
        --devices N       devices uploading at once, one per user; default 2
        --operations N    operations in the timed round, all devices together; default 20000
        --batch N         operations per batch; default 100
        --stale SHARE     share of operations on a stale base (a conflict); default 0.1
        --key PEM         private key for tokens; default priming-service/dev-keys/dev-private.pem
        --issuer URI      token issuer; default https://primer.dev/issuer
      """;

  private static final Set<RecordType> EDITABLE =
      Set.of(RecordType.CONTACT, RecordType.PARTS_INVENTORY, RecordType.SERVICE_HISTORY);

  private final PrimerClient client;
  private final DevTokens tokens;
  private final PrintStream out;

  private EditBench(URI server, DevTokens tokens, PrintStream out, int threads) {
    this.tokens = tokens;
    this.out = out;
    this.client = BenchSetup.client(server, threads);
  }

  /** Runs the bench; exit code 0 ok, 1 failure, 2 bad usage. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String server = null;
    String data = null;
    int devices = 2;
    int operations = 20_000;
    int batch = 100;
    double stale = 0.1;
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
          case "--operations" ->
              operations =
                  BenchSetup.positive(BenchSetup.value(args, ++i, "--operations"), "--operations");
          case "--batch" ->
              batch = BenchSetup.positive(BenchSetup.value(args, ++i, "--batch"), "--batch");
          case "--stale" -> stale = share(BenchSetup.value(args, ++i, "--stale"));
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
      if (batch > EditBatch.MAX_OPERATIONS) {
        throw new IllegalArgumentException(
            "--batch must be at most " + EditBatch.MAX_OPERATIONS + ", was " + batch);
      }
      tokens = BenchSetup.tokens(keyFile, issuer);
      if (!Files.isRegularFile(Path.of(data, "dataset.json"))) {
        throw new IllegalArgumentException("no data set at " + data + " (no dataset.json)");
      }
    } catch (IllegalArgumentException e) {
      err.println("primer bench edits: " + e.getMessage() + " (see --help)");
      return 2;
    }
    try {
      EditBench bench = new EditBench(URI.create(server), tokens, out, devices);
      return bench.bench(DataSetDirectory.open(Path.of(data)), devices, operations, batch, stale);
    } catch (RuntimeException e) {
      err.println("primer bench edits: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static double share(String v) {
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0 && d <= 1)) {
        throw new IllegalArgumentException("--stale must be between 0 and 1, was " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--stale must be a number, was '" + v + "'");
    }
  }

  /** A field the bench edits, with the value and version its device last knew. */
  private static final class Target {
    final String recordId;
    final String field;
    final long version;
    String value;

    Target(String recordId, RecordField f) {
      this.recordId = recordId;
      this.field = f.name();
      this.version = f.version();
      this.value = f.value();
    }
  }

  /** A device uploading as one user, with the fields it edits and its next sequence number. */
  private static final class Device {
    final String user;
    final String id;
    final PrimerClient client;
    final List<Target> targets = new ArrayList<>();
    final SplittableRandom random;
    long seq;

    Device(String user, String id, PrimerClient client, long seed) {
      this.user = user;
      this.id = id;
      this.client = client;
      this.random = new SplittableRandom(seed);
    }
  }

  private int bench(DataSetDirectory data, int deviceCount, int operations, int batch, double stale)
      throws InterruptedException {
    Map<String, List<String>> recordsByOwner = editableRecordsByOwner(data);
    List<String> users =
        recordsByOwner.entrySet().stream()
            .filter(e -> e.getValue().size() >= 10)
            .map(Map.Entry::getKey)
            .sorted()
            .limit(deviceCount)
            .toList();
    if (users.size() < deviceCount) {
      throw new IllegalStateException(
          "the data set has only " + users.size() + " users owning 10 or more editable records");
    }
    List<Device> devices = new ArrayList<>();
    for (String user : users) {
      PrimerClient c = client.withToken(tokens.mint(user, "device", Duration.ofHours(4)));
      String id = c.enrol(new EnrolRequest("edit-bench", "bench")).deviceId();
      Device d = new Device(user, id, c, user.hashCode());
      load(d, onManifest(d, recordsByOwner.get(user)));
      devices.add(d);
    }
    long fields = devices.stream().mapToLong(d -> d.targets.size()).sum();
    out.printf(
        Locale.ROOT,
        "%d devices (%s), %,d editable fields on their records, batches of %d, %.0f%% stale%n",
        devices.size(),
        String.join(", ", users),
        fields,
        batch,
        stale * 100);

    // Warm-up, not timed: the service's first batches run interpreted and fill its pools.
    round(devices, Math.min(2_000, operations), batch, stale);
    out.println("warm-up: " + Math.min(2_000, operations) + " operations, not timed");

    Round timed = round(devices, operations, batch, stale);
    double seconds = timed.nanos() / 1e9;
    out.printf(
        Locale.ROOT,
        "edits: %,d operations in %.2f s = %,.0f operations/s (%d devices at once)%n",
        timed.operations(),
        seconds,
        timed.operations() / seconds,
        devices.size());
    double[] ms = timed.batchMillis();
    Arrays.sort(ms);
    out.printf(
        Locale.ROOT,
        "  one batch of %d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d batches)%n",
        batch,
        percentile(ms, 50),
        percentile(ms, 95),
        percentile(ms, 99),
        ms[ms.length - 1],
        ms.length);
    StringBuilder outcomes = new StringBuilder("  receipts:");
    timed
        .outcomes()
        .forEach((o, n) -> outcomes.append(' ').append(o.wireName()).append(' ').append(n));
    out.println(outcomes);
    long missing = timed.operations() - timed.outcomes().values().stream().mapToLong(n -> n).sum();
    if (missing != 0) {
      out.println("  " + missing + " operations got no receipt");
      return 1;
    }
    return timed.outcomes().getOrDefault(Outcome.REJECTED, 0L) > 0 ? 1 : 0;
  }

  private record Round(
      long operations, long nanos, double[] batchMillis, Map<Outcome, Long> outcomes) {}

  private Round round(List<Device> devices, int operations, int batch, double stale)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(devices.size());
    List<Future<List<Object>>> results = new ArrayList<>();
    int each = Math.max(batch, operations / devices.size());
    long t0 = System.nanoTime();
    for (Device d : devices) {
      results.add(pool.submit(() -> upload(d, each, batch, stale)));
    }
    List<Double> millis = new ArrayList<>();
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    try {
      for (Future<List<Object>> f : results) {
        for (Object o : f.get()) {
          if (o instanceof Double ms) {
            millis.add(ms);
          } else if (o instanceof EditReceipt r) {
            outcomes.merge(r.outcome(), 1L, Long::sum);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a device's upload failed: " + e.getCause().getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    long nanos = System.nanoTime() - t0;
    return new Round(
        (long) each * devices.size(),
        nanos,
        millis.stream().mapToDouble(Double::doubleValue).toArray(),
        outcomes);
  }

  /** Uploads {@code count} operations of {@code d} in batches; batch times and receipts. */
  private static List<Object> upload(Device d, int count, int batch, double stale) {
    List<Object> out = new ArrayList<>();
    for (int sent = 0; sent < count; sent += batch) {
      List<EditOperation> ops = new ArrayList<>();
      for (int i = 0; i < Math.min(batch, count - sent); i++) {
        ops.add(operation(d, stale));
      }
      long t0 = System.nanoTime();
      EditReceipts receipts = d.client.edits(d.id, new EditBatch(0, 0, ops));
      out.add((System.nanoTime() - t0) / 1e6);
      out.addAll(receipts.receipts());
    }
    return out;
  }

  /**
   * The next operation of {@code d}: on a clean base (the device's own last value, which the
   * service treats as its own earlier write) or, for a share, on a base nobody wrote (a conflict
   * the field's policy decides).
   */
  private static EditOperation operation(Device d, double stale) {
    Target t = d.targets.get(d.random.nextInt(d.targets.size()));
    boolean isStale = d.random.nextDouble() < stale;
    String base = isStale ? "0" : t.value;
    String value;
    if (t.field.equals("phone")) {
      value = String.format(Locale.ROOT, "+1 312 555 %04d", d.random.nextInt(10_000));
    } else {
      value = Long.toString(parseOrZero(base) - 1 - d.random.nextInt(3));
    }
    if (!isStale) {
      t.value = value;
    }
    d.seq++;
    return new EditOperation(
        UUID.randomUUID().toString(),
        d.seq,
        EditOperation.UPDATE,
        t.recordId,
        "",
        "",
        d.user,
        List.of(new FieldChange(t.field, base, isStale ? 0 : t.version, value)),
        "",
        Instant.now().toString(),
        0,
        "",
        QuoteDraft.NONE);
  }

  /**
   * Of the user's editable records, those on the device's manifest: what a device holds, and so
   * what records:fetch serves it.
   */
  private static List<String> onManifest(Device d, List<String> editable) {
    Set<String> mine = new HashSet<>(editable);
    List<String> out = new ArrayList<>();
    d.client
        .manifest(d.id, 1L << 30, java.util.OptionalLong.empty(), java.util.Optional.empty())
        .ifPresent(
            m -> {
              for (dev.primer.protocol.manifest.ManifestEntry e : m.entries()) {
                if (mine.contains(e.recordId())) {
                  out.add(e.recordId());
                }
              }
            });
    return out;
  }

  /** Fetches the device's records for their fields: the bases its operations name. */
  private static void load(Device d, List<String> recordIds) {
    Set<String> wanted = Set.of("phone", "quantity", "hours");
    for (int from = 0; from < recordIds.size(); from += 500) {
      List<String> part = recordIds.subList(from, Math.min(recordIds.size(), from + 500));
      d.client.fetch(
          d.id,
          part,
          (RecordLine line) -> {
            if (line.isError()) {
              return;
            }
            for (RecordField f : line.fields()) {
              if (wanted.contains(f.name())) {
                d.targets.add(new Target(line.id(), f));
              }
            }
          });
    }
    if (d.targets.isEmpty()) {
      throw new IllegalStateException(
          "no record of "
              + d.user
              + " came back with fields: push the data set with bin/primer data push first");
    }
  }

  private static long parseOrZero(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, List<String>> editableRecordsByOwner(DataSetDirectory data) {
    Map<String, String> ownerOf = new HashMap<>();
    for (Account a : data.accounts()) {
      ownerOf.put(a.id(), a.ownerId());
    }
    Map<String, List<String>> byOwner = new HashMap<>();
    Set<String> seen = new HashSet<>();
    data.forEachRecord(
        (CrmRecord r) -> {
          String owner = ownerOf.get(r.accountId());
          if (owner != null && EDITABLE.contains(r.type()) && seen.add(r.id())) {
            byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(r.id());
          }
        });
    return byOwner;
  }

  private static double percentile(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
