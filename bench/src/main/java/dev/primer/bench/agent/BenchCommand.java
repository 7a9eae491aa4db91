package dev.primer.bench.agent;

import dev.primer.agent.cli.Agent;
import dev.primer.agent.cli.AgentCli;
import dev.primer.agent.cli.AgentContext;
import dev.primer.agent.cli.Sizes;
import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.config.AgentHome;
import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.StoreKey;
import dev.primer.agent.store.BlobFiles;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.sync.CancelSignal;
import dev.primer.agent.sync.ServiceClient;
import dev.primer.agent.sync.SyncListener;
import dev.primer.agent.sync.SyncResult;
import dev.primer.protocol.ByteSizes;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.manifest.ManifestEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent bench}: initial sync speed, blob speed against a plain download, bytes after a kill.
 * It drives the agent's own classes (store, syncer, blob download) and, for the kill, the agent's
 * command line in a child process.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure against a running service, for the user of --token: initial sync records/s and MB/s,",
      "the agent's blob download against a plain download of the same blob, a no-change delta,",
      "the bytes moved again when a sync is killed (SIGKILL) midway and resumed, and the time",
      "from reconnecting with --pending-edits edits made offline to every receipt back.",
      "Bytes are counted on the wire by a loopback relay in front of the service."
    })
final class BenchCommand implements Callable<Integer> {

  private static final int OK = 0;
  private static final int FAILURE = 1;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final AgentContext context;

  BenchCommand(AgentContext context) {
    this.context = context;
  }

  @Option(names = "--server", required = true, paramLabel = "URL", description = "The service.")
  String server;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "TOKEN",
      description = "A device token of the user to sync.")
  String token;

  @Option(
      names = "--budget",
      paramLabel = "SIZE",
      defaultValue = "256MiB",
      description = "Device budget (default ${DEFAULT-VALUE}).")
  String budget;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Where the bench agents live (default: a new temp dir).")
  Path work;

  @Option(
      names = "--blob-rounds",
      paramLabel = "N",
      defaultValue = "25",
      description = {
        "Alternating rounds of the blob comparison, best of each side (default ${DEFAULT-VALUE});",
        "a blob takes tens of milliseconds here, so a few rounds leave the ratio to chance."
      })
  int blobRounds;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Records per fetch (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--lookahead",
      paramLabel = "N",
      defaultValue = "1",
      description = "Batches fetched while one is written, 0..4 (default ${DEFAULT-VALUE}).")
  int lookahead;

  @Option(
      names = "--kill-at",
      paramLabel = "FRACTION",
      defaultValue = "0.5",
      description =
          "Kill the sync after this fraction of a full sync's bytes (default ${DEFAULT-VALUE}).")
  double killAt;

  @Option(
      names = "--pending-edits",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Edits made offline before the reconnect is timed (default ${DEFAULT-VALUE}).")
  int pendingEdits;

  @Override
  public Integer call() throws Exception {
    if (pendingEdits < 1) {
      throw new IllegalArgumentException("pending-edits must be >= 1, was " + pendingEdits);
    }
    if (blobRounds < 1) {
      throw new IllegalArgumentException("blob-rounds must be >= 1, was " + blobRounds);
    }
    if (killAt <= 0 || killAt >= 1) {
      throw new IllegalArgumentException("kill-at must be between 0 and 1, was " + killAt);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = work == null ? Files.createTempDirectory("primer-agent-bench") : work;
    long budgetBytes = Sizes.parse("budget", budget);
    try (WireCounter wire = new WireCounter(URI.create(server))) {
      // 1. Initial sync into an empty store.
      AgentHome full = enroll(dir.resolve("full"), wire.url(), budgetBytes);
      long before = wire.bytes();
      SyncResult first;
      List<ManifestEntry> manifest;
      try (Agent agent = Agent.open(full, context, spec.commandLine().getErr())) {
        dev.primer.agent.sync.Syncer syncer = agent.syncer(Clock.systemUTC()).lookahead(lookahead);
        first = syncer.sync(new CancelSignal(), SyncListener.none());
        manifest = agent.store().manifest();
        out.printf(
            Locale.ROOT,
            "initial sync time: %.2f s waiting for batches from the service, %.2f s writing to SQLite, %.2f s in blobs%n",
            syncer.timings().waitingNanos() / 1e9,
            syncer.timings().writingNanos() / 1e9,
            syncer.timings().blobNanos() / 1e9);
        storeOnly(out, agent.store(), manifest, Long.MAX_VALUE, dir.resolve("store-only"));
        // The target speaks of small records: contacts, account profiles and the like.
        storeOnly(out, agent.store(), manifest, 1024, dir.resolve("store-only-1k"));
      }
      long fullWire = wire.bytes() - before;
      if (first.records() == 0) {
        out.println(
            "bench: the manifest of this user is empty (no records with content?): nothing to measure");
        return FAILURE;
      }
      double seconds = first.elapsed().toNanos() / 1e9;
      long small = manifest.stream().filter(e -> e.sizeBytes() <= 64 * 1024).count();
      out.printf(
          Locale.ROOT,
          "initial sync: %,d records (%,d inline, %,d blobs), %s in %.2f s: %,.0f records/s, %.1f MiB/s; %s on the wire%n",
          first.records(),
          small,
          first.records() - small,
          ByteSizes.human(first.contentBytes()),
          seconds,
          first.records() / seconds,
          first.contentBytes() / seconds / (1 << 20),
          ByteSizes.human(fullWire));

      // 2. The agent's blob path against a plain download of the same (largest) blob.
      manifest.stream()
          .filter(e -> e.sizeBytes() > 64 * 1024)
          .max(Comparator.comparingLong(ManifestEntry::sizeBytes))
          .ifPresentOrElse(
              e -> compareBlob(out, wire.url(), e, dir, first, seconds),
              () -> out.println("blob comparison: no blob in this user's manifest"));

      // 3. A delta sync when nothing changed.
      before = wire.bytes();
      try (Agent agent = Agent.open(full, context, spec.commandLine().getErr())) {
        SyncResult again =
            agent.syncer(Clock.systemUTC()).sync(new CancelSignal(), SyncListener.none());
        out.printf(
            Locale.ROOT,
            "delta sync, nothing changed: %s (%s) on the wire, %.4f%% of the full sync%n",
            ByteSizes.human(wire.bytes() - before),
            again.outcome(),
            100.0 * (wire.bytes() - before) / fullWire);
      }

      // 4. SIGKILL midway, then resume.
      AgentHome killed = enroll(dir.resolve("killed"), wire.url(), budgetBytes);
      before = wire.bytes();
      Process child = childSync(killed, dir.resolve("killed-sync.log"));
      long killWhen = before + (long) (fullWire * killAt);
      while (child.isAlive() && wire.bytes() < killWhen) {
        Thread.sleep(2);
      }
      boolean wasRunning = child.isAlive();
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Thread.sleep(200);
      long killedWire = wire.bytes() - before;
      long resumeStart = wire.bytes();
      long stored;
      SyncResult resumed;
      try (Agent agent = Agent.open(killed, context, spec.commandLine().getErr())) {
        stored = agent.store().stagedBytesPresent();
        resumed =
            agent
                .syncer(Clock.systemUTC())
                .lookahead(lookahead)
                .sync(new CancelSignal(), SyncListener.none());
      }
      long resumeWire = wire.bytes() - resumeStart;
      long again = killedWire + resumeWire - fullWire;
      long batches = Math.max(1, (first.records() + batchSize - 1) / batchSize);
      out.printf(
          Locale.ROOT,
          "kill -9 (lookahead %d) at %s of %s%s (content already stored %s), resume %s (%s): moved again %s = %.2f batches of %s average%n",
          lookahead,
          ByteSizes.human(killedWire),
          ByteSizes.human(fullWire),
          wasRunning ? "" : " (the sync had already ended)",
          ByteSizes.human(stored),
          ByteSizes.human(resumeWire),
          resumed.outcome(),
          ByteSizes.human(Math.max(0, again)),
          (double) again / (fullWire / (double) batches),
          ByteSizes.human(fullWire / batches));

      // 5. Edits made offline, then the reconnect: every receipt back, the merged copies fetched.
      reconnect(out, full);
    }
    out.println("bench homes in " + dir);
    return OK;
  }

  /**
   * Queues {@link #pendingEdits} edits as {@code agent edit} does (a note or a bin on records with
   * fields, round the records when there are fewer), then times one upload, the heartbeat's work on
   * reconnect: batches sent, receipts kept, the changed records fetched and the overlays dropped.
   */
  private void reconnect(PrintWriter out, AgentHome home) {
    try (Agent agent = Agent.open(home, context, spec.commandLine().getErr())) {
      LocalStore store = agent.store();
      List<String> editable = new java.util.ArrayList<>();
      for (ManifestEntry e : store.manifest()) {
        store
            .fields(e.recordId())
            .filter(f -> f.field("notes").isPresent() || f.field("bin").isPresent())
            .ifPresent(f -> editable.add(f.recordId()));
      }
      if (editable.isEmpty()) {
        out.println("reconnect: no record with a note or a bin on this device; nothing to edit");
        return;
      }
      Clock clock = Clock.systemUTC();
      // A value of this run: one an earlier run left would be no change, hence no operation.
      String run = clock.instant().toString();
      for (int i = 0; i < pendingEdits; i++) {
        String id = editable.get(i % editable.size());
        dev.primer.agent.edits.EditedRecord current =
            dev.primer.agent.edits.Overlay.of(store, id).orElseThrow();
        String field = current.field("notes").isPresent() ? "notes" : "bin";
        java.util.List<dev.primer.protocol.edits.FieldChange> changes =
            dev.primer.agent.edits.FieldEdits.changes(
                current, java.util.Map.of(field, "bench edit " + i + " of " + run));
        java.time.Instant now = clock.instant();
        dev.primer.agent.edits.FieldEdits.Stamp stamp =
            dev.primer.agent.edits.FieldEdits.stamp(home.config().userId(), now, 0);
        store.appendEdit(
            seq -> dev.primer.agent.edits.FieldEdits.update(seq, stamp, id, changes, "", ""), now);
      }
      long pending = store.editWork().pending();
      long start = System.nanoTime();
      dev.primer.agent.edits.UploadResult result =
          agent
              .uploader(
                  clock,
                  dev.primer.protocol.client.RetryPolicy.standard(),
                  spec.commandLine().getErr()::println)
              .upload();
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "reconnect with %,d pending edits on %,d records: every receipt back and the merged copies fetched in %.2f s (%s); %,d still pending%n",
          pending,
          Math.min(editable.size(), pendingEdits),
          seconds,
          result.summary(),
          store.editWork().pending());
    }
  }

  private void compareBlob(
      PrintWriter out,
      String url,
      ManifestEntry e,
      Path dir,
      SyncResult first,
      double syncSeconds) {
    try {
      // Alternating rounds, best of each, so neither side profits from a warmer cache; a blob
      // takes tens of milliseconds, so a few rounds would leave the ratio to chance.
      double[] plain = new double[blobRounds];
      double[] agent = new double[blobRounds];
      for (int round = 0; round < blobRounds; round++) {
        plain[round] = plainDownload(url, e, dir.resolve("plain-download-" + round + ".bin"));
        agent[round] = agentDownload(url, e, dir.resolve("blob-scratch-" + round));
      }
      java.util.Arrays.sort(plain);
      java.util.Arrays.sort(agent);
      double plainRate = plain[blobRounds - 1];
      double agentRate = agent[blobRounds - 1];
      double plainMedian = plain[blobRounds / 2];
      double agentMedian = agent[blobRounds / 2];
      double syncRate = first.contentBytes() / syncSeconds / (1 << 20);
      out.printf(
          Locale.ROOT,
          "blob %s (%s), best of %d alternating: plain download %.1f MiB/s, agent (verify + encrypt + fsync) %.1f MiB/s = %.0f%% (medians %.1f and %.1f MiB/s = %.0f%%); whole sync %.1f MiB/s = %.0f%% of plain%n",
          e.recordId(),
          ByteSizes.human(e.sizeBytes()),
          blobRounds,
          plainRate,
          agentRate,
          100 * agentRate / plainRate,
          plainMedian,
          agentMedian,
          100 * agentMedian / plainMedian,
          syncRate,
          100 * syncRate / plainRate);
    } catch (IOException ex) {
      out.println("blob comparison failed: " + ex.getMessage());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * MiB/s of a plain download of the blob to a new file, as the agent writes a new file. ofFile
   * opens with CREATE and WRITE, no truncation: into the file of the round before it would write
   * over pages already in the page cache, which no real download of a new blob does (measured
   * apart: 12.7 MB over a cached file 3.4 ms, into a new file 6 ms).
   */
  private double plainDownload(String url, ManifestEntry e, Path plain)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long start = System.nanoTime();
    HttpResponse<Path> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/v1/blobs/" + e.sha256()))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofFile(plain));
    double seconds = (System.nanoTime() - start) / 1e9;
    if (response.statusCode() != 200) {
      throw new IOException("plain download answered " + response.statusCode());
    }
    return Files.size(plain) / seconds / (1 << 20);
  }

  /** MiB/s of the agent's blob path: download, hash, encrypt in chunks, sync to disk. */
  private double agentDownload(String url, ManifestEntry e, Path scratch) throws IOException {
    Files.createDirectories(scratch);
    BlobFiles blobs =
        new BlobFiles(
            scratch, new FieldCipher(StoreKey.loadOrCreate(scratch.resolve("k")).encryptionKey()));
    ServiceClient client = new ServiceClient(url, token);
    long start = System.nanoTime();
    try (dev.primer.agent.store.BlobDownload d = blobs.startDownload(e.sha256());
        PrimerClient.BlobStream stream = client.blob(e.sha256(), 0)) {
      InputStream body = stream.body();
      d.writeAll(body, () -> false);
      if (!d.finish()) {
        throw new IllegalStateException("blob " + e.sha256() + " does not hash to its name");
      }
    }
    return e.sizeBytes() / ((System.nanoTime() - start) / 1e9) / (1 << 20);
  }

  /**
   * The agent's write path alone, without the network: the synced inline records of at most {@code
   * maxBytes}, copied under new ids to at least 100,000, verified (sha256), encrypted, tokenised
   * and inserted in batches into a fresh store, one thread as in a sync.
   */
  private void storeOnly(
      PrintWriter out, LocalStore synced, List<ManifestEntry> manifest, long maxBytes, Path dir) {
    List<dev.primer.agent.store.StoredRecord> small = new java.util.ArrayList<>();
    for (ManifestEntry e : manifest) {
      if (e.sizeBytes() <= maxBytes) {
        synced.record(e.recordId()).filter(r -> r.content().isPresent()).ifPresent(small::add);
      }
    }
    String which = maxBytes == Long.MAX_VALUE ? "inline" : "<= " + maxBytes + " B";
    if (small.isEmpty()) {
      out.println("store-only: no " + which + " records to write");
      return;
    }
    int copies = Math.max(1, (100_000 + small.size() - 1) / small.size());
    AgentHome home = new AgentHome(dir);
    // A scratch home, never enrolled: a plain key, as for the bench's enrolled homes.
    StoreKey.loadOrCreate(home.keyFile());
    try (LocalStore store = Agent.openStore(home, context)) {
      dev.primer.agent.sync.RecordPreparer preparer =
          new dev.primer.agent.sync.RecordPreparer(store.cipher());
      long records = 0;
      long bytes = 0;
      long insertNanos = 0;
      long start = System.nanoTime();
      List<dev.primer.agent.store.PreparedRecord> batch = new java.util.ArrayList<>(1000);
      for (int copy = 0; copy < copies; copy++) {
        for (dev.primer.agent.store.StoredRecord r : small) {
          byte[] content = r.content().orElseThrow();
          String sha = dev.primer.agent.sync.RecordPreparer.sha256(content);
          if (!sha.equals(r.sha256())) {
            throw new IllegalStateException(
                "stored content of " + r.recordId() + " does not hash to its sha256");
          }
          dev.primer.protocol.records.RecordLine line =
              dev.primer.protocol.records.RecordLine.inline(
                  r.recordId() + "." + copy,
                  r.accountId(),
                  r.type(),
                  r.title(),
                  r.version(),
                  sha,
                  r.updatedAt(),
                  r.relatedIds(),
                  content);
          batch.add(preparer.inline(line, sha, content));
          records++;
          bytes += content.length;
          if (batch.size() == 1000) {
            long t = System.nanoTime();
            store.insert(batch);
            insertNanos += System.nanoTime() - t;
            batch.clear();
          }
        }
      }
      long t = System.nanoTime();
      store.insert(batch);
      insertNanos += System.nanoTime() - t;
      double seconds = (System.nanoTime() - start) / 1e9;
      // As a sync ends: the index caught up and the store checkpointed (synced to disk).
      store.awaitSearchIndex();
      store.checkpoint();
      double searchable = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "store-only write path, %s records: %,d (%s, avg %d B) verified+encrypted+inserted in %.2f s = %,.0f records/s (%.2f s in SQLite inserts = %,.0f records/s); all searchable and checkpointed after %.2f s = %,.0f records/s%n",
          which,
          records,
          ByteSizes.human(bytes),
          bytes / records,
          seconds,
          records / seconds,
          insertNanos / 1e9,
          records / (insertNanos / 1e9),
          searchable,
          records / searchable);
    }
  }

  private AgentHome enroll(Path dir, String url, long budgetBytes) {
    AgentHome home = new AgentHome(dir);
    ServiceClient.Enrolment enrolment =
        new ServiceClient(url, token).enroll("bench-" + dir.getFileName(), "linux");
    home.save(
        new AgentConfig(
            url,
            enrolment.deviceId(),
            enrolment.userId(),
            token,
            "",
            "",
            budgetBytes,
            "01:00",
            "05:00",
            0,
            List.of(),
            List.of(),
            "",
            false,
            0,
            batchSize,
            false,
            ""));
    // Bench homes are scratch, under --work: a plain key, so the figures leave PBKDF2 out.
    StoreKey.loadOrCreate(home.keyFile());
    try (LocalStore store = Agent.openStore(home, context)) {
      store.meta();
    }
    return home;
  }

  private Process childSync(AgentHome home, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            AgentCli.class.getName(),
            "sync",
            "--home",
            home.dir().toString(),
            "--force",
            "--quiet",
            "--lookahead",
            Integer.toString(lookahead))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
