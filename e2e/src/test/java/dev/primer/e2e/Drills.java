package dev.primer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.cli.CommandLines;
import dev.primer.e2e.Http.Answer;
import dev.primer.testdata.cli.DataCli;
import dev.primer.training.cli.TrainingCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Shared set-up of the drills. */
final class Drills {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Drills() {}

  /** Sends and insists on a 2xx answer, so a broken set-up fails loudly, not as a drill result. */
  static Answer ok(Answer a, String what) {
    if (a.status() / 100 != 2) {
      throw new IllegalStateException(what + " answered " + a.status() + ": " + a.body());
    }
    return a;
  }

  static JsonNode json(Answer a) {
    try {
      return JSON.readTree(a.body());
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + a.body(), e);
    }
  }

  /**
   * A hand-made organisation of three users, two accounts and a few records (one large enough to be
   * a blob), a territory, a calendar with a visit on the service's day, and a device per user.
   */
  record SmallOrg(
      String user,
      String otherUser,
      String calendarUser,
      String deviceId,
      String otherDeviceId,
      String recordId,
      String blobSha256) {

    static SmallOrg load(Http http) {
      String integrator = DevTokens.of("integration-bot", "integrator");
      String admin = DevTokens.of("admin-1", "admin");
      putChicago(http, "t-main");
      importLines(
          http,
          "users",
          userLine("u1", "Ana Field") + userLine("u2", "Bo Other") + userLine("u3", "Cy Calendar"));
      importLines(
          http,
          "accounts",
          "{\"id\":\"a1\",\"name\":\"ACME Pumps\",\"domain\":\"acme.example\",\"address\":\"1 Main"
              + " St, Chicago\",\"lat\":41.88,\"lon\":-87.63,\"ownerId\":\"u1\"}\n"
              + "{\"id\":\"a2\",\"name\":\"Other Co\",\"domain\":\"other.example\",\"address\":\"2 Side"
              + " St, Evanston\",\"lat\":42.05,\"lon\":-87.69,\"ownerId\":\"u2\"}\n");
      int blobSize = 100_000;
      importLines(
          http,
          "records",
          recordLine("r1", "a1", "contact", "Jane Doe, plant manager", 40)
              + recordLine("r2", "a1", "schematic", "Pump P-200 schematic", blobSize)
              + recordLine("r3", "a1", "service-history", "Service report: seal replaced", 60)
              + recordLine("r4", "a2", "contact", "John Roe, buyer", 30));
      importLines(
          http,
          "interactions",
          interactionLine("u1", "r1", "2026-02-27T15:00:00Z")
              + interactionLine("u1", "r2", "2026-02-27T15:05:00Z")
              + interactionLine("u1", "r3", "2026-02-28T15:00:00Z")
              + interactionLine("u2", "r4", "2026-02-28T16:00:00Z"));
      byte[] blob = new byte[blobSize];
      for (int i = 0; i < blob.length; i++) {
        blob[i] = (byte) (i * 31 + 7);
      }
      for (Map.Entry<String, Integer> small : Map.of("r1", 40, "r3", 60, "r4", 30).entrySet()) {
        byte[] text = "x".repeat(small.getValue()).getBytes(StandardCharsets.UTF_8);
        ok(
            http.send(
                "PUT",
                "/v1/records/" + small.getKey() + "/content",
                integrator,
                Map.of("Content-Type", "application/octet-stream"),
                text),
            "content " + small.getKey());
      }
      ok(
          http.send(
              "PUT",
              "/v1/records/r2/content",
              integrator,
              Map.of("Content-Type", "application/octet-stream"),
              blob),
          "blob");
      ok(
          http.send("PUT", "/v1/users/u1/territories", admin, "application/json", "[\"t-main\"]"),
          "user territories");
      ok(
          http.send(
              "PUT",
              "/v1/users/u1/calendar",
              integrator,
              "text/calendar",
              BadInputCorpus.VALID_CALENDAR),
          "calendar");
      String device1 = enrol(http, "u1");
      String device2 = enrol(http, "u2");
      awaitManifest(http, device1, "u1");
      return new SmallOrg("u1", "u2", "u3", device1, device2, "r1", sha256(blob));
    }
  }

  /**
   * A generated small organisation (20 reps) and the service's clock for it: the night before day
   * 76, as in the demo.
   */
  record GeneratedOrg(Path data, List<String> users, Instant night) {

    /**
     * Generates the organisation once per build (cached under e2e/target); drills running at once
     * wait for the one generating it.
     */
    static synchronized GeneratedOrg generate(long seed) {
      Path data = Repo.root().resolve("e2e/target/data/small-" + seed);
      if (!generatedByThisGenerator(data)) {
        cli(
            "generate",
            "--scale",
            "small",
            "--seed",
            Long.toString(seed),
            "--out",
            data.toString(),
            "--overwrite",
            "--quiet");
      }
      try {
        JsonNode info = JSON.readTree(data.resolve("dataset.json").toFile());
        LocalDate day76 = LocalDate.parse(info.path("startDate").asText()).plusDays(75);
        List<String> users = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("users.jsonl"))) {
          if (!line.isBlank()) {
            users.add(JSON.readTree(line).path("id").asText());
          }
        }
        return new GeneratedOrg(data, List.copyOf(users), Instant.parse(day76 + "T04:00:00Z"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Whether {@code data} holds a data set this build's generator wrote (not an older one's). */
    private static boolean generatedByThisGenerator(Path data) {
      try {
        return Files.exists(data.resolve("dataset.json"))
            && JSON.readTree(data.resolve("dataset.json").toFile())
                .path("generator")
                .asText()
                .equals(dev.primer.testdata.generate.OrganisationGenerator.VERSION);
      } catch (IOException e) {
        return false;
      }
    }

    /**
     * A service on an emptied {@code database} at this organisation's night, with extra
     * configuration {@code properties}, the organisation pushed and its manifests precomputed.
     */
    ServiceProcess serve(String database, Map<String, String> properties) {
      ServiceProcess service = ServiceProcess.start(database, night, properties);
      try {
        push(service);
        precompute(service);
        return service;
      } catch (RuntimeException e) {
        service.close();
        throw e;
      }
    }

    /** Loads it into {@code service} with {@code bin/primer data push} (small content only). */
    private void push(ServiceProcess service) {
      cli(
          "push",
          "--data",
          data.toString(),
          "--server",
          service.url(),
          "--token",
          DevTokens.withRoles("drill-loader", List.of("integrator", "admin")),
          "--content",
          "small");
    }

    /** Runs the nightly precompute now and waits for it ({@link Drills#precompute}). */
    private void precompute(ServiceProcess service) {
      Drills.precompute(service);
    }

    private static void cli(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit =
          CommandLines.run(
              new DataCli(), args, new PrintWriter(out, true), new PrintWriter(err, true));
      if (exit != 0) {
        throw new IllegalStateException("data " + args[0] + " exited " + exit + ": " + err);
      }
    }
  }

  /**
   * Runs {@code bin/primer train|evaluate|publish ARGS} in this JVM, insisting on exit 0; what it
   * printed.
   */
  static String training(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CommandLines.run(
            new TrainingCli(), args, new PrintWriter(out, true), new PrintWriter(err, true));
    if (exit != 0) {
      throw new IllegalStateException(args[0] + " exited " + exit + ": " + err);
    }
    return out.toString();
  }

  /** Imports NDJSON {@code lines} of {@code kind} as the integrator, insisting on a 2xx. */
  static void importLines(Http http, String kind, String lines) {
    ok(
        http.send(
            "POST",
            "/v1/import/" + kind,
            DevTokens.of("integration-bot", "integrator"),
            "application/x-ndjson",
            lines),
        "import " + kind);
  }

  /** Stores territory {@code id}: a box around Chicago (41.6..42.2 N, 88.2..87.5 W). */
  static void putChicago(Http http, String id) {
    ok(
        http.send(
            "PUT",
            "/v1/territories/" + id,
            DevTokens.of("admin-1", "admin"),
            "application/geo+json",
            "{\"type\":\"Feature\",\"properties\":{\"id\":\""
                + id
                + "\",\"name\":\"Chicago\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-88.2,41.6],"
                + "[-87.5,41.6],[-87.5,42.2],[-88.2,42.2],[-88.2,41.6]]]}}"),
        "territory " + id);
  }

  /** Org data reaches manifests when the service's snapshot refreshes, a moment after imports. */
  static void awaitManifest(Http http, String device, String user) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      Answer a =
          http.get(
              "/v1/devices/" + device + "/manifest?budget=100000000", DevTokens.of(user, "device"));
      if (a.status() == 200) {
        return;
      }
      if (System.nanoTime() > deadline || !a.body().contains("unknown-user")) {
        ok(a, "first manifest");
      }
      ServiceProcess.sleep(java.time.Duration.ofMillis(200));
    }
  }

  static String enrol(Http http, String user) {
    Answer a =
        ok(
            http.send(
                "POST",
                "/v1/devices",
                DevTokens.of(user, "device"),
                "application/json",
                "{\"name\":\"" + user + "-laptop\",\"platform\":\"linux\"}"),
            "enrol " + user);
    return json(a).path("deviceId").asText();
  }

  static String userLine(String id, String name) {
    return userLine(id, name, "chicago");
  }

  static String userLine(String id, String name, String team) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"email\":\""
        + id
        + "@fieldteam.example\",\"timezone\":\"America/Chicago\",\"home\":{\"lat\":41.9,"
        + "\"lon\":-87.7},\"territoryIds\":[],\"teamId\":\""
        + team
        + "\",\"role\":\"sales\"}\n";
  }

  static String recordLine(String id, String account, String type, String title, int size) {
    return "{\"id\":\""
        + id
        + "\",\"accountId\":\""
        + account
        + "\",\"type\":\""
        + type
        + "\",\"title\":\""
        + title
        + "\",\"sizeBytes\":"
        + size
        + ",\"version\":1,\"updatedAt\":\"2026-02-01T08:00:00Z\",\"relatedIds\":[]}\n";
  }

  static String interactionLine(String user, String record, String at) {
    return "{\"userId\":\""
        + user
        + "\",\"recordId\":\""
        + record
        + "\",\"at\":\""
        + at
        + "\",\"kind\":\"view\"}\n";
  }

  /**
   * Runs the nightly precompute now and waits for it, as the overnight window would find it: it
   * rebuilds the service's org snapshot, so the loaded data is what devices get next.
   */
  static void precompute(ServiceProcess service) {
    Http http = new Http(service.url());
    String admin = DevTokens.of("drill-admin", "admin");
    long runId =
        json(ok(http.send("POST", "/v1/admin/precompute", admin, "", ""), "precompute"))
            .path("runId")
            .asLong();
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode run = json(ok(http.get("/v1/admin/precompute", admin), "precompute progress"));
      if (run.path("runId").asLong() >= runId && run.path("state").asText().equals("finished")) {
        if (run.path("usersFailed").asLong() > 0) {
          throw new IllegalStateException("precompute failed for some users: " + run);
        }
        return;
      }
      ServiceProcess.sleep(java.time.Duration.ofMillis(250));
    }
    throw new IllegalStateException("the precompute did not finish within 10 minutes");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
