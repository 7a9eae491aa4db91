package dev.primer.e2e;

import static dev.primer.e2e.Drills.json;
import static dev.primer.e2e.Drills.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.FieldReceipt;
import dev.primer.protocol.edits.Outcome;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.records.RecordField;
import dev.primer.protocol.records.RecordLine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline-edit drill, Jepsen style: four reps' agents (their clocks off by up to three hours),
 * a fifth device the drill drives by hand and the back office all edit the same few records at
 * once, through a network that partitions and cuts requests and answers half-way, with agents
 * killed mid-upload, the service restarted (once gracefully, once with SIGKILL), deliveries
 * duplicated and reordered, and a record deleted under pending edits. When the network heals:
 *
 * <ul>
 *   <li>every operation has exactly one receipt, and every receipt is final;
 *   <li>no edit is lost or applied twice: every stock count equals its start minus every decrement
 *       any device made (numeric-delta), and every created contact exists exactly once;
 *   <li>every device's copy of every record it holds equals the service's.
 * </ul>
 *
 * It prints the counts and the conflict rate per field.
 */
class EditDrillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DB = "primer_e2e_edits";
  private static final int ROUNDS = 10;
  private static final long START_QUANTITY = 1000;
  private static final List<String> USERS = List.of("u1", "u2", "u3", "u4");
  private static final List<Duration> SKEWS =
      List.of(Duration.ZERO, Duration.ofMinutes(-90), Duration.ofMinutes(40), Duration.ofHours(3));
  private static final List<String> CONTACTS = List.of("c1", "c2", "c3");
  private static final List<String> PARTS = List.of("p1", "p2", "p3");
  private static final Pattern UUID_IN_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern NEW_ID = Pattern.compile("new-[0-9a-f-]{36}");

  private static ServiceProcess service;
  private static ChaosProxy proxy;
  private static Http http;
  private static Path homes;
  private static final List<DrillAgent> agents = new ArrayList<>();
  private static RawDevice raw;

  // The drill's own ledger: what it asked for, to hold the end state against.
  private static final Set<String> issuedOps = new LinkedHashSet<>();
  private static final Map<String, Long> decrements = new HashMap<>();
  private static final Set<String> createdIds = new LinkedHashSet<>();
  private static final Map<String, Integer> counts = new TreeMap<>();

  @BeforeAll
  static void start() throws Exception {
    service =
        ServiceProcess.start(
            DB, ServiceProcess.SYSTEM_CLOCK, Map.of("primer.manifest.fallback-baseline", "recent"));
    http = new Http(service.url());
    loadOrganisation();
    proxy = new ChaosProxy(URI.create(service.url()).getPort(), 20);
    homes = Files.createDirectories(Repo.root().resolve("e2e/target/agents/edits"));
    for (int i = 0; i < USERS.size(); i++) {
      Path home = homes.resolve(USERS.get(i));
      Repo.deleteTree(home);
      Agents.enroll(home, proxy.url(), USERS.get(i), "64MiB");
      DrillAgent a = new DrillAgent(USERS.get(i), home, SKEWS.get(i));
      a.sync().expectOk("first sync of " + a.user);
      agents.add(a);
    }
    raw = new RawDevice("u3", Duration.ofHours(2));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void concurrentEditsThroughPartitionsKillsAndRestartsEndWithOneReceiptEachAndOneState()
      throws Exception {
    SplittableRandom random = new SplittableRandom(2026);
    for (int round = 0; round < ROUNDS; round++) {
      ChaosProxy.Mode mode =
          round < 2
              ? ChaosProxy.Mode.FLAKY
              : ChaosProxy.Mode.values()[random.nextInt(ChaosProxy.Mode.values().length)];
      proxy.mode(mode);
      count("rounds " + mode.name().toLowerCase(java.util.Locale.ROOT));
      for (DrillAgent a : agents) {
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
          a.randomEdit(random, round);
        }
        if (round % 4 == 1 && a == agents.get(round % agents.size())) {
          a.createContact(round);
        }
      }
      raw.randomRound(random, round);
      backOffice(random, round);
      if (round == 5) {
        // The back office deletes a contact the reps are editing: their edits must go to review.
        Drills.importLines(http, "deletions", "{\"id\":\"c2\"}\n");
        count("records deleted under pending edits");
      }
      for (DrillAgent a : agents) {
        if (random.nextInt(5) == 0) {
          a.syncKilledPartWay(random);
        } else {
          a.sync();
        }
      }
      raw.deliver(random);
      if (round == 3) {
        service.stop();
        service.restart();
        count("service restarts (graceful)");
      } else if (round == 7) {
        service.kill();
        service.restart();
        count("service restarts (SIGKILL)");
      }
    }

    // The network heals: everything still queued goes up, receipts come back.
    proxy.mode(ChaosProxy.Mode.UP);
    for (int pass = 0; pass < 8 && (raw.unacknowledged() > 0 || anyPending()); pass++) {
      for (DrillAgent a : agents) {
        a.sync();
      }
      raw.deliverAll();
    }
    assertThat(raw.unacknowledged()).as("raw device operations without a receipt").isZero();
    for (DrillAgent a : agents) {
      assertThat(a.pending()).as("operations of " + a.user + " still pending").isZero();
    }

    // The review queue: a rep settles one of theirs, an admin the rest; then one more sync.
    settleReviews();
    for (DrillAgent a : agents) {
      a.sync().expectOk("last sync of " + a.user);
      a.sync().expectOk("settling sync of " + a.user);
    }
    // Each device shows exactly the reviews the service holds open for it: the settled ones are
    // gone, and a rep's resolve that met a newer change went back to review and is shown again.
    JsonNode stillOpen =
        json(
            ok(
                http.get("/v1/admin/conflicts?state=open", DevTokens.of("drill-admin", "admin")),
                "open conflicts"));
    for (DrillAgent a : agents) {
      Set<String> serviceOpen = new TreeSet<>();
      for (JsonNode item : stillOpen) {
        if (item.path("deviceId").asText().equals(a.deviceId())) {
          serviceOpen.add(item.path("opId").asText());
        }
      }
      Set<String> shown = new TreeSet<>();
      Matcher m = Pattern.compile("(?m)^seq \\d+  op (\\S+)").matcher(a.run("conflicts").out());
      while (m.find()) {
        shown.add(m.group(1));
      }
      assertThat(shown).as("reviews shown on the device of " + a.user).isEqualTo(serviceOpen);
      serviceOpen.forEach(op -> count("review items left open, shown on their device"));
    }

    // 1. Exactly one receipt per operation, and one for every operation issued.
    String totals =
        Postgres.psql(
                service.database(),
                "select count(*) || '/' || count(distinct (device_id, op_id)) from edit_receipts")
            .trim();
    String[] parts = totals.split("/");
    long receipts = Long.parseLong(parts[0]);
    long distinct = Long.parseLong(parts[1]);
    Set<String> receiptOps =
        new LinkedHashSet<>(
            List.of(
                Postgres.psql(service.database(), "select op_id from edit_receipts")
                    .split("\\s+")));
    receiptOps.remove("");
    Set<String> withoutReceipt = new LinkedHashSet<>(issuedOps);
    withoutReceipt.removeAll(receiptOps);

    // 2. Nothing lost or applied twice: every stock count is its start minus every decrement.
    Map<String, Map<String, String>> serviceFields = serviceFields(agents.get(0));
    Map<String, String> wrongCounts = new TreeMap<>();
    for (String p : PARTS) {
      long expected = START_QUANTITY - decrements.getOrDefault(p, 0L);
      String actual = serviceFields.getOrDefault(p, Map.of()).getOrDefault("quantity", "?");
      if (!actual.equals(Long.toString(expected))) {
        wrongCounts.put(p, "expected " + expected + ", service has " + actual);
      }
    }
    String created =
        Postgres.psql(
                service.database(),
                "select count(*) || '/' || count(distinct id) from records where id like 'new-%'")
            .trim();

    // 3. Every device holds what the service holds, for each record it has: the service's
    // snapshot takes in the last changes a moment after they commit, and devices follow at
    // their next sync.
    List<String> diverged = diverged();
    long convergeStart = System.nanoTime();
    for (int pass = 0; !diverged.isEmpty() && pass < 30; pass++) {
      ServiceProcess.sleep(Duration.ofSeconds(2));
      for (DrillAgent a : agents) {
        a.sync();
      }
      diverged = diverged();
    }
    double convergeSeconds = (System.nanoTime() - convergeStart) / 1e9;
    JsonNode stats =
        json(ok(http.get("/v1/admin/edits/stats", DevTokens.of("drill-admin", "admin")), "stats"));

    System.out.printf(
        "edit drill: %d operations issued (%s), %d receipts (%d distinct), %d without a receipt;"
            + " proxy %d connections, %d cut; created contacts %s (issued %d); stock counts wrong:"
            + " %s; diverged: %d (converged %.1f s after the last settling sync)%n  receipts by outcome: %s%n  conflicts per field: %s%n",
        issuedOps.size(),
        counts,
        receipts,
        distinct,
        withoutReceipt.size(),
        proxy.connections(),
        proxy.cut(),
        created,
        createdIds.size(),
        wrongCounts,
        diverged.size(),
        convergeSeconds,
        stats.path("outcomes"),
        stats.path("conflictsByField"));

    assertThat(receipts).as("receipts").isEqualTo(distinct);
    assertThat(withoutReceipt).as("issued operations without a receipt").isEmpty();
    assertThat(receiptOps).as("receipts for operations nobody issued").isSubsetOf(issuedOps);
    assertThat(wrongCounts).as("stock counts (numeric-delta: every decrement once)").isEmpty();
    assertThat(created).isEqualTo(createdIds.size() + "/" + createdIds.size());
    assertThat(diverged).as("devices whose copy differs from the service's").isEmpty();
  }

  private static List<String> diverged() {
    List<String> out = new ArrayList<>();
    for (DrillAgent a : agents) {
      Map<String, Map<String, String>> truth = serviceFields(a);
      for (Map.Entry<String, Map<String, String>> r : truth.entrySet()) {
        Map<String, String> mine = a.fieldsOutsideReview(r.getKey());
        if (mine != null && !mine.equals(r.getValue())) {
          out.add(a.user + " " + r.getKey() + ": device " + mine + ", service " + r.getValue());
        }
      }
    }
    return out;
  }

  private static boolean anyPending() {
    for (DrillAgent a : agents) {
      if (a.pending() > 0) {
        return true;
      }
    }
    return false;
  }

  private static void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  /** The back office changes fields of the same records through imports (never stock counts). */
  private static void backOffice(SplittableRandom random, int round) {
    StringBuilder lines = new StringBuilder();
    for (String c : CONTACTS) {
      if (random.nextInt(3) == 0) {
        lines.append(fieldLine(c, Map.of("phone", "office-" + round + "-" + c)));
        count("back-office field changes");
      }
      if (random.nextInt(4) == 0) {
        lines.append(fieldLine(c, Map.of("email", "office" + round + "@acme.example")));
        count("back-office field changes");
      }
    }
    if (random.nextInt(2) == 0) {
      lines.append(fieldLine("ap1", Map.of("tags", random.nextBoolean() ? "hvac,union" : "hvac")));
      count("back-office field changes");
    }
    if (random.nextInt(3) == 0) {
      lines.append(fieldLine("s1", Map.of("status", "closed-" + round)));
      count("back-office field changes");
    }
    for (String p : PARTS) {
      if (random.nextInt(4) == 0) {
        lines.append(fieldLine(p, Map.of("bin", "B-" + round)));
        count("back-office field changes");
      }
    }
    if (lines.length() > 0) {
      Drills.importLines(http, "fields", lines.toString());
    }
  }

  private static String fieldLine(String id, Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(
              Map.of("recordId", id, "fields", fields, "changedAt", Instant.now().toString()))
          + "\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Open review items: a rep keeps their own value for one, an admin keeps theirs for the rest. */
  private static void settleReviews() {
    String adminToken = DevTokens.of("drill-admin", "admin");
    JsonNode open =
        json(ok(http.get("/v1/admin/conflicts?state=open", adminToken), "open conflicts"));
    JsonNode items = open.isArray() ? open : open.path("items");
    count("review items open at the end: " + items.size());
    boolean repSettled = false;
    boolean repCouldSettle = false;
    for (JsonNode item : items) {
      String user = item.path("userId").asText();
      DrillAgent owner = agents.stream().filter(a -> a.user.equals(user)).findFirst().orElse(null);
      if (!repSettled
          && owner != null
          && owner.ops.contains(item.path("opId").asText())
          && !item.path("reason").asText().equals("record deleted")) {
        repCouldSettle = true;
        Agents.Run r = owner.run("resolve", item.path("opId").asText(), "--keep", "mine");
        if (r.exit() == 0) {
          owner.collectOps(r);
          repSettled = true;
          count("review items settled by the rep");
          continue;
        }
        count("rep resolves refused: " + r.err().strip());
      }
      Http.Answer a =
          http.send(
              "POST",
              "/v1/admin/conflicts/" + item.path("id").asLong() + "/resolve",
              adminToken,
              "application/json",
              "{\"keep\":\"theirs\"}");
      if (a.status() / 100 == 2) {
        count("review items settled by an admin");
      } else if (a.status() != 409) { // 409: the rep's resolve closed it a moment ago
        ok(a, "resolve conflict");
      }
    }
    // A review the rep's device no longer offered (it took a newer copy for the resolution) would
    // be refused above: the device must keep every review open until the service settles it.
    assertThat(repSettled).as("a rep settled one of their review items").isEqualTo(repCouldSettle);
  }

  private static Map<String, Map<String, String>> serviceFields(DrillAgent a) {
    PrimerClient c = client(DevTokens.of(a.user, "device"));
    List<String> ids = new ArrayList<>(List.of("c1", "c2", "c3", "p1", "p2", "p3", "ap1", "s1"));
    ids.addAll(createdIds);
    Map<String, Map<String, String>> out = new TreeMap<>();
    c.fetch(
        a.deviceId(),
        ids,
        (RecordLine line) -> {
          if (!line.isError()) {
            Map<String, String> f = new TreeMap<>();
            for (RecordField field : line.fields()) {
              f.put(field.name(), field.value());
            }
            out.put(line.id(), f);
          }
        });
    return out;
  }

  private static PrimerClient client(String token) {
    return PrimerClient.builder(URI.create(service.url())).token(token).build();
  }

  // ---- the organisation --------------------------------------------------------------------

  private static void loadOrganisation() {
    StringBuilder users = new StringBuilder();
    for (String u : USERS) {
      users.append(Drills.userLine(u, "Rep " + u));
    }
    Drills.importLines(http, "users", users.toString());
    Drills.importLines(
        http,
        "accounts",
        "{\"id\":\"a1\",\"name\":\"ACME Pumps\",\"domain\":\"acme.example\",\"address\":\"1 Main"
            + " St, Chicago\",\"lat\":41.88,\"lon\":-87.63,\"ownerId\":\"u1\"}\n"
            + "{\"id\":\"a2\",\"name\":\"Lakeside Water\",\"domain\":\"lake.example\",\"address\":"
            + "\"2 Shore Dr, Chicago\",\"lat\":41.9,\"lon\":-87.62,\"ownerId\":\"u2\"}\n");
    Map<String, String[]> records = new LinkedHashMap<>();
    records.put("c1", new String[] {"a1", "contact", "Jane Doe, plant manager"});
    records.put("c2", new String[] {"a1", "contact", "Raj Patel, buyer"});
    records.put("c3", new String[] {"a2", "contact", "Mia Chen, operations"});
    records.put("p1", new String[] {"a1", "parts-inventory", "Gaskets"});
    records.put("p2", new String[] {"a1", "parts-inventory", "Impellers"});
    records.put("p3", new String[] {"a2", "parts-inventory", "Seals"});
    records.put("ap1", new String[] {"a1", "account-profile", "ACME Pumps profile"});
    records.put("s1", new String[] {"a2", "service-history", "Pump P-7 inspection"});
    records.put("pl1", new String[] {"a1", "price-list", "2026 list prices"});
    StringBuilder recordLines = new StringBuilder();
    StringBuilder content = new StringBuilder();
    StringBuilder interactions = new StringBuilder();
    String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();
    for (Map.Entry<String, String[]> r : records.entrySet()) {
      String text = r.getValue()[2] + " notes";
      recordLines.append(
          Drills.recordLine(
              r.getKey(),
              r.getValue()[0],
              r.getValue()[1],
              r.getValue()[2],
              text.getBytes(StandardCharsets.UTF_8).length));
      content.append(
          "{\"id\":\""
              + r.getKey()
              + "\",\"contentBase64\":\""
              + java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
              + "\"}\n");
      for (String u : USERS) {
        interactions.append(Drills.interactionLine(u, r.getKey(), yesterday));
      }
    }
    Drills.importLines(http, "records", recordLines.toString());
    Drills.importLines(http, "content", content.toString());
    Drills.importLines(http, "interactions", interactions.toString());
    StringBuilder fields = new StringBuilder();
    for (String c : CONTACTS) {
      fields.append(
          fieldLine(
              c,
              Map.of(
                  "name",
                  c,
                  "phone",
                  "+1 312 555 0100",
                  "email",
                  c + "@acme.example",
                  "notes",
                  "")));
    }
    for (String p : PARTS) {
      fields.append(fieldLine(p, Map.of("quantity", Long.toString(START_QUANTITY), "bin", "A-01")));
    }
    fields.append(fieldLine("ap1", Map.of("address", "1 Main St", "tags", "hvac,pumps")));
    fields.append(fieldLine("s1", Map.of("status", "open", "hours", "2")));
    Drills.importLines(http, "fields", fields.toString());
  }

  // ---- a rep's agent -----------------------------------------------------------------------

  /** One rep's real agent, run in this JVM with its clock off by {@code skew}. */
  private static final class DrillAgent {
    final String user;
    final Path home;
    final Clock clock;
    final Set<String> ops = new LinkedHashSet<>();
    final List<String> created = new ArrayList<>();

    DrillAgent(String user, Path home, Duration skew) {
      this.user = user;
      this.home = home;
      this.clock = Clock.offset(Clock.systemUTC(), skew);
    }

    Agents.Run run(String command, String... args) {
      List<String> all = new ArrayList<>(List.of(command, "--home", home.toString()));
      all.addAll(List.of(args));
      return Agents.run(clock, all.toArray(String[]::new));
    }

    Agents.Run sync() {
      Agents.Run r = run("sync", "--force", "--quiet");
      count(r.exit() == 0 ? "agent syncs" : "agent syncs failed (network)");
      return r;
    }

    /** {@code agent sync} in its own JVM, killed with SIGKILL part-way. */
    void syncKilledPartWay(SplittableRandom random) throws Exception {
      Process p = Agents.startSyncProcess(home, homes.resolve(user + "-killed.log"));
      Thread.sleep(200 + random.nextInt(1800));
      boolean wasRunning = p.isAlive();
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      count(wasRunning ? "agents killed mid-sync" : "agent syncs done before the kill");
    }

    void randomEdit(SplittableRandom random, int round) {
      int what = random.nextInt(10);
      if (what < 4) {
        String p = PARTS.get(random.nextInt(PARTS.size()));
        Map<String, String> shown = fields(p);
        if (shown == null) {
          return;
        }
        long k = 1 + random.nextInt(5);
        long now = Long.parseLong(shown.get("quantity"));
        if (edit(p, "quantity=" + (now - k))) {
          decrements.merge(p, k, Long::sum);
        }
      } else if (what < 7) {
        String c = CONTACTS.get(random.nextInt(CONTACTS.size()));
        edit(c, "phone=" + user + "-" + round + "-" + random.nextInt(1000));
      } else if (what < 8) {
        Map<String, String> shown = fields("ap1");
        if (shown != null) {
          String tags = shown.getOrDefault("tags", "");
          String tag = "site-" + user;
          edit("ap1", "tags=" + (tags.contains(tag) ? tags.replace(tag, "") : tags + "," + tag));
        }
      } else if (what < 9) {
        edit("s1", "status=checked-by-" + user + "-" + round);
      } else {
        // Not writable by reps: a rejected receipt the rep sees.
        edit("pl1", "notes=cheaper");
      }
    }

    /** Edits a field; false when the agent refused it before making an operation. */
    boolean edit(String record, String assignment) {
      Agents.Run r = run("edit", record, "--set", assignment);
      if (r.exit() != 0) {
        count("edits refused by the agent");
        return false;
      }
      collectOps(r);
      count("agent edits");
      return true;
    }

    void createContact(int round) {
      Agents.Run r =
          run(
              "create",
              "--type",
              "contact",
              "--account",
              "a1",
              "--set",
              "name=Met on site " + user + " " + round,
              "--set",
              "phone=+1 555 " + round);
      r.expectOk("agent create");
      Matcher m = NEW_ID.matcher(r.out());
      assertThat(m.find()).as("created id in: " + r.out()).isTrue();
      createdIds.add(m.group());
      created.add(m.group());
      collectOps(r);
      count("agent creates");
    }

    void collectOps(Agents.Run r) {
      Matcher m = UUID_IN_TEXT.matcher(r.out().replaceAll("new-[0-9a-f-]{36}", ""));
      if (m.find()) {
        ops.add(m.group());
        issuedOps.add(m.group());
      }
    }

    /**
     * The record's fields as the rep sees them, except that a field in review shows the service's
     * value: the rep's stays on top until the review is settled, by design, not by divergence.
     */
    Map<String, String> fieldsOutsideReview(String record) {
      JsonNode node = show(record);
      if (node == null) {
        return null;
      }
      Map<String, String> out = fields(node);
      for (JsonNode p : node.path("pending")) {
        if (p.path("state").asText().equals("needs-review")) {
          out.put(p.path("field").asText(), p.path("serviceValue").asText());
        }
      }
      return out;
    }

    /** The record's fields as the rep sees them (service copy, pending changes on top). */
    Map<String, String> fields(String record) {
      JsonNode node = show(record);
      return node == null ? null : fields(node);
    }

    private JsonNode show(String record) {
      Agents.Run r = run("show", record, "--json");
      if (r.exit() != 0) {
        return null;
      }
      try {
        JsonNode node = JSON.readTree(r.out());
        return node.isArray() ? node.path(0) : node;
      } catch (Exception e) {
        throw new IllegalStateException("agent show --json gave no JSON: " + r.out(), e);
      }
    }

    private static Map<String, String> fields(JsonNode node) {
      JsonNode f = node.path("fields");
      Map<String, String> out = new TreeMap<>();
      if (f.isArray()) {
        for (JsonNode field : f) {
          out.put(field.path("name").asText(), field.path("value").asText());
        }
      } else {
        for (Map.Entry<String, JsonNode> e : f.properties()) {
          JsonNode v = e.getValue();
          out.put(e.getKey(), v.isObject() ? v.path("value").asText() : v.asText());
        }
      }
      return out;
    }

    long pending() {
      Agents.Run r = run("pending", "--json");
      r.expectOk("agent pending");
      try {
        JsonNode node = JSON.readTree(r.out());
        JsonNode list = node.isArray() ? node : node.path("operations");
        long n = 0;
        for (JsonNode op : list) {
          String state = op.path("state").asText();
          if (state.equals("pending") || state.equals("sent")) {
            n++;
          }
        }
        return n;
      } catch (Exception e) {
        throw new IllegalStateException("agent pending --json gave no JSON: " + r.out(), e);
      }
    }

    String deviceId() {
      try {
        return JSON.readTree(home.resolve("config.json").toFile()).path("deviceId").asText();
      } catch (Exception e) {
        throw new IllegalStateException("no device id in " + home, e);
      }
    }
  }

  // ---- a device the drill drives by hand ---------------------------------------------------

  /**
   * A second device of one rep that speaks the protocol directly, so that the drill can deliver its
   * batches twice and out of order. Its clock is {@code skew} ahead, and it says so (the offset it
   * measured): the service must judge its edits by the corrected time.
   */
  private static final class RawDevice {
    final String user;
    final Duration skew;
    final String deviceId;
    final PrimerClient client;
    final List<List<EditOperation>> queued = new ArrayList<>();
    final Map<String, EditOperation> unacked = new LinkedHashMap<>();
    long seq;

    RawDevice(String user, Duration skew) {
      this.user = user;
      this.skew = skew;
      String token = DevTokens.of(user, "device");
      this.deviceId = Drills.enrol(http, user);
      this.client =
          PrimerClient.builder(URI.create(proxy.url()))
              .token(token)
              .answerTimeout(Duration.ofSeconds(20))
              .readTimeout(Duration.ofSeconds(10))
              .build();
    }

    void randomRound(SplittableRandom random, int round) {
      List<EditOperation> batch = new ArrayList<>();
      for (int i = 0; i < 3 + random.nextInt(4); i++) {
        boolean part = random.nextBoolean();
        String record = part ? PARTS.get(random.nextInt(PARTS.size())) : "c3";
        FieldChange change;
        if (part) {
          // Decrements on a base it never refreshes: each is a conflict numeric-delta settles.
          long k = 1 + random.nextInt(4);
          change = new FieldChange("quantity", "1000", 1, Long.toString(START_QUANTITY - k));
          decrements.merge(record, k, Long::sum);
        } else {
          change = new FieldChange("phone", "+1 312 555 0100", 1, "raw-" + round + "-" + i);
        }
        seq++;
        EditOperation op =
            new EditOperation(
                uuid7(),
                seq,
                EditOperation.UPDATE,
                record,
                "",
                "",
                user,
                List.of(change),
                "",
                Instant.now().plus(skew).toString(),
                -skew.toMillis(),
                "",
                QuoteDraft.NONE);
        issuedOps.add(op.opId());
        unacked.put(op.opId(), op);
        batch.add(op);
        count("raw device operations");
      }
      queued.add(batch);
    }

    /** Sends the queued batches: some twice, some after the batch that followed them. */
    void deliver(SplittableRandom random) {
      if (queued.size() >= 2 && random.nextInt(3) == 0) {
        java.util.Collections.swap(queued, queued.size() - 1, queued.size() - 2);
        count("raw batches reordered");
      }
      List<List<EditOperation>> now = new ArrayList<>(queued);
      queued.clear();
      for (List<EditOperation> batch : now) {
        send(batch);
        if (random.nextInt(3) == 0) {
          send(batch);
          count("raw batches delivered twice");
        }
      }
    }

    void deliverAll() {
      List<EditOperation> rest = new ArrayList<>(unacked.values());
      for (int from = 0; from < rest.size(); from += 50) {
        send(rest.subList(from, Math.min(rest.size(), from + 50)));
      }
    }

    private void send(List<EditOperation> batch) {
      try {
        EditReceipts answer = client.edits(deviceId, new EditBatch(unacked.size(), 0, batch));
        for (EditReceipt r : answer.receipts()) {
          unacked.remove(r.opId());
          for (FieldReceipt f : r.fields()) {
            if (f.field().equals("quantity") && f.outcome() == Outcome.REJECTED) {
              throw new AssertionError("a stock count decrement was rejected: " + r);
            }
          }
        }
        count("raw batches answered");
      } catch (RuntimeException e) {
        count("raw batches lost on the way");
      }
    }

    long unacknowledged() {
      return unacked.size();
    }
  }

  /** A UUID version 7: 48 bits of Unix milliseconds, then random bits (RFC 9562). */
  static String uuid7() {
    UUID random = UUID.randomUUID();
    long msb =
        (System.currentTimeMillis() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0fffL);
    long lsb = (random.getLeastSignificantBits() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
