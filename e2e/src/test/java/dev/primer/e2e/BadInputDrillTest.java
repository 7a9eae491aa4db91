package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.e2e.BadInputCorpus.BadRequest;
import dev.primer.e2e.Http.Answer;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input and security drills: a corpus of malformed requests against the running service
 * gets no 5xx, only problem documents (or answers that name the problem), and leaves what was
 * stored before exactly as it was; devices never see another user's data; forged and expired tokens
 * are refused; no token or key reaches the log.
 */
class BadInputDrillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DB = "primer_e2e_bad";
  private static ServiceProcess service;
  private static Http http;
  private static Drills.SmallOrg org;

  @BeforeAll
  static void startServiceWithData() {
    service = ServiceProcess.start(DB, Instant.parse("2026-03-02T04:00:00Z"));
    http = new Http(service.url());
    org = Drills.SmallOrg.load(http);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void aThousandMalformedRequestsGetNo5xxOnlyProblemsAndChangeNothingStored() {
    // A draft territory model to send broken territories and assignments into.
    String draftId =
        Drills.json(
                Drills.ok(
                    new Http(service.url())
                        .send(
                            "POST",
                            "/v1/territory-models",
                            DevTokens.of("admin-1", "admin"),
                            "application/json",
                            "{\"note\":\"bad-input drill\"}"),
                    "draft"))
            .path("id")
            .asText();
    String before = storedData();
    List<BadRequest> corpus =
        BadInputCorpus.generate(
            20261125L,
            new BadInputCorpus.Target(
                org.user(),
                org.otherUser(),
                org.calendarUser(),
                org.deviceId(),
                org.otherDeviceId(),
                org.recordId(),
                draftId));

    Map<String, Integer> statuses = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    List<String> notProblems = new ArrayList<>();
    List<String> acceptedAsValid = new ArrayList<>();
    List<String> notRefusedAsPromised = new ArrayList<>();
    int malformedSeen = 0;
    for (BadRequest r : corpus) {
      Answer a = send(r);
      statuses.merge(r.category() + " " + a.status(), 1, Integer::sum);
      if (!refusedAsPromised(r, a)) {
        notRefusedAsPromised.add(a.status() + " " + r + " -> " + a.body());
      }
      if (a.status() >= 500) {
        serverErrors.add(a.status() + " " + r + " -> " + a.body());
      } else if (a.status() >= 400) {
        if (refusedByTheHttpCodec(a)) {
          malformedSeen++;
        } else if (!(a.isProblem() || isLoginPageWithTheReason(r, a)) || leaksInternals(a.body())) {
          notProblems.add(a.status() + " " + r + " -> " + a.contentType() + " " + a.body());
        } else {
          malformedSeen++;
        }
      } else if (reportsAProblem(a)) {
        malformedSeen++;
      } else {
        acceptedAsValid.add(a.status() + " " + r);
      }
    }

    System.out.printf(
        "bad-input drill: %,d requests, %,d refused or reported as malformed, %,d happened to be"
            + " valid, %d server errors, %d answers that were not problem documents, %d bombs or"
            + " tokens without sub not refused as promised%n",
        corpus.size(),
        malformedSeen,
        acceptedAsValid.size(),
        serverErrors.size(),
        notProblems.size(),
        notRefusedAsPromised.size());
    statuses.forEach((k, v) -> System.out.printf("  %-22s %,6d%n", k, v));
    assertThat(serverErrors).isEmpty();
    assertThat(notProblems).isEmpty();
    assertThat(notRefusedAsPromised).isEmpty();
    assertThat(malformedSeen).isGreaterThanOrEqualTo(1000);
    assertThat(storedData()).isEqualTo(before);
  }

  @Test
  void oneBadLineAmongFiveThousandCostsNoGoodLine() {
    int badLine = 2_500;
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 5_000; i++) {
      String line = Drills.recordLine("r-bulk-" + i, "a1", "contact", "Bulk contact " + i, 50);
      body.append(
          i == badLine ? line.replace("2026-02-01T08:00:00Z", "0000-01-01T00:00:00Z") : line);
    }
    JsonNode answer = imported("records", body.toString());

    assertThat(answer.path("inserted").asLong()).isEqualTo(4_999);
    assertThat(answer.path("rejectedTotal").asLong()).isEqualTo(1);
    assertThat(answer.path("rejected").get(0).path("line").asLong()).isEqualTo(badLine);
    assertThat(answer.path("rejected").get(0).path("reason").asText()).contains("updatedAt");
    assertThat(count("select count(*) from records where id like 'r-bulk-%'")).isEqualTo(4_999);
  }

  @Test
  void everyImportKindAndTelemetryStoreTheirGoodLinesBesideUnstorableOnes() {
    String nul = "\\u0000";
    StringBuilder interactions = new StringBuilder();
    int good = 0;
    for (int i = 0; i < 300; i++) {
      String at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i).toString();
      interactions.append(Drills.interactionLine("u2", "r4", at));
      good++;
      if (i % 40 == 0 && i / 40 < BadInputCorpus.EXTREME_TIMES.length) {
        String extreme = BadInputCorpus.EXTREME_TIMES[i / 40];
        interactions.append(Drills.interactionLine("u2", "r4", extreme));
      }
    }
    JsonNode i = imported("interactions", interactions.toString());
    assertThat(i.path("inserted").asLong()).isEqualTo(good);
    assertThat(i.path("rejectedTotal").asLong()).isEqualTo(BadInputCorpus.EXTREME_TIMES.length);
    assertThat(
            count(
                "select count(*) from interactions where user_id = 'u2' and record_id = 'r4'"
                    + " and at >= '2026-01-01' and at < '2026-01-02'"))
        .isEqualTo(good);

    JsonNode users =
        imported(
            "users",
            Drills.userLine("u-bulk-1", "Good One")
                + Drills.userLine("u-bulk-2", "Bad" + nul)
                + Drills.userLine("u-bulk-3", "Good Two")
                + Drills.userLine("u-bulk-4", "x".repeat(300_000)));
    assertThat(users.path("inserted").asLong()).isEqualTo(2);
    assertThat(users.path("rejected").findValuesAsText("line")).containsExactly("2", "4");
    assertThat(count("select count(*) from users where id like 'u-bulk-%'")).isEqualTo(2);

    String account =
        "{\"id\":\"ID\",\"name\":\"NAME\",\"domain\":\"bulk.example\",\"address\":\"1 Bulk"
            + " St\",\"lat\":41.9,\"lon\":-87.6,\"ownerId\":\"u2\"}\n";
    JsonNode accounts =
        imported(
            "accounts",
            account.replace("ID", "a-bulk-1").replace("NAME", "Good")
                + account.replace("ID", "a-bulk-2").replace("NAME", "B" + nul)
                + account.replace("ID", "a-bulk-3").replace("\"lat\":41.9", "\"lat\":1e400"));
    assertThat(accounts.path("inserted").asLong()).isEqualTo(1);
    assertThat(count("select count(*) from accounts where id like 'a-bulk-%'")).isEqualTo(1);

    JsonNode shares =
        imported(
            "shares",
            "{\"accountId\":\"a-bulk-1\",\"userId\":\"u-bulk-1\"}\n"
                + "{\"accountId\":\"a-bulk-1\",\"userId\":\"u"
                + nul
                + "\"}\n"
                + "{\"accountId\":\"a-bulk-1\",\"userId\":\"u-bulk-3\"}\n");
    assertThat(shares.path("inserted").asLong()).isEqualTo(2);
    assertThat(count("select count(*) from account_shares where account_id = 'a-bulk-1'"))
        .isEqualTo(2);

    String event = "{\"eventId\":\"ID\",\"recordId\":\"r1\",\"at\":\"AT\",\"kind\":\"miss\"}\n";
    StringBuilder events = new StringBuilder();
    int goodEvents = 0;
    for (int e = 0; e < BadInputCorpus.EXTREME_TIMES.length; e++) {
      events.append(
          event.replace("ID", "e-bulk-good-" + e).replace("AT", "2026-03-01T0" + e + ":00:00Z"));
      goodEvents++;
      events.append(
          event.replace("ID", "e-bulk-bad-" + e).replace("AT", BadInputCorpus.EXTREME_TIMES[e]));
    }
    Answer t =
        http.send(
            "POST",
            "/v1/devices/" + org.deviceId() + "/telemetry",
            DevTokens.of(org.user(), "device"),
            "application/x-ndjson",
            events.toString());
    assertThat(t.status()).as(t.body()).isEqualTo(200);
    assertThat(Drills.json(t).path("accepted").asLong()).isEqualTo(goodEvents);
    assertThat(count("select count(*) from telemetry_events where event_id like 'e-bulk-good-%'"))
        .isEqualTo(goodEvents);
    assertThat(count("select count(*) from telemetry_events where event_id like 'e-bulk-bad-%'"))
        .isZero();
  }

  private static JsonNode imported(String kind, String body) {
    Answer a =
        http.send(
            "POST",
            "/v1/import/" + kind,
            DevTokens.of("integration-bot", "integrator"),
            "application/x-ndjson",
            body);
    assertThat(a.status()).as(kind + ": " + a.body()).isEqualTo(200);
    return Drills.json(a);
  }

  private static long count(String sql) {
    return Long.parseLong(Postgres.psql(DB, sql).trim());
  }

  @Test
  void aDeviceNeverReadsAnotherUsersDevicesRecordsOrBlobs() {
    String intruder = DevTokens.of(org.otherUser(), "device");
    Answer manifest =
        http.get("/v1/devices/" + org.deviceId() + "/manifest?budget=100000000", intruder);
    Answer fetch =
        http.send(
            "POST",
            "/v1/devices/" + org.otherDeviceId() + "/records:fetch",
            intruder,
            "application/json",
            "{\"ids\":[\"" + org.recordId() + "\"]}");
    Answer blob = http.get("/v1/blobs/" + org.blobSha256(), intruder);

    assertThat(manifest.status()).isEqualTo(403);
    assertThat(manifest.isProblem()).isTrue();
    assertThat(fetch.body()).doesNotContain("contentBase64").contains("\"error\"");
    assertThat(blob.status()).isEqualTo(404);
    assertThat(
            http.get("/v1/blobs/" + org.blobSha256(), DevTokens.of(org.user(), "device")).status())
        .isEqualTo(200);
  }

  @Test
  void tokensForAnotherAudienceWithoutIssuedAtOrLivingTooLongAreRefusedWith401() {
    String path = "/v1/devices/" + org.deviceId() + "/manifest?budget=100000000";
    for (String token :
        List.of(
            DevTokens.foreignAudience(org.user(), "device"),
            DevTokens.noAudience(org.user(), "device"),
            DevTokens.yearLong(org.user(), "device"),
            DevTokens.withoutIssuedAt(org.user(), "device"))) {
      Answer a = http.get(path, token);
      assertThat(a.status()).as(token).isEqualTo(401);
      assertThat(a.isProblem()).isTrue();
    }
  }

  @Test
  void metricsAndTheApiDescriptionAreForAdminsOnly() {
    for (String path : List.of("/q/metrics", "/q/openapi")) {
      assertThat(http.get(path, "").status()).as(path).isEqualTo(401);
      assertThat(http.get(path, DevTokens.of(org.user(), "device")).status())
          .as(path)
          .isEqualTo(403);
      assertThat(http.get(path, DevTokens.of("admin-1", "admin")).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void forgedExpiredAndTamperedTokensAreRefusedWith401() {
    String path = "/v1/devices/" + org.deviceId() + "/manifest?budget=100000000";
    for (String token :
        List.of(
            DevTokens.forged(org.user(), "device"),
            DevTokens.expired(org.user(), "device"),
            DevTokens.wrongIssuer(org.user(), "device"),
            DevTokens.tampered(org.user(), "data-scientist", "device"),
            DevTokens.unsigned(org.user(), "device"))) {
      Answer a = http.get(path, token);
      assertThat(a.status()).as(token).isEqualTo(401);
      assertThat(a.isProblem()).isTrue();
    }
    assertThat(http.get(path, DevTokens.of(org.user(), "device")).status()).isEqualTo(200);
  }

  @Test
  void noTokenOrKeyEverReachesTheLog() throws Exception {
    String token = DevTokens.of(org.user(), "device");
    http.get("/v1/devices/" + org.deviceId() + "/manifest?budget=-1", token);
    http.get("/v1/devices/" + org.deviceId() + "/manifest?budget=100000000", token + "x");
    String privateKey =
        java.nio.file.Files.readString(
                Repo.root().resolve("priming-service/dev-keys/dev-private.pem"))
            .lines()
            .filter(l -> !l.startsWith("-----"))
            .findFirst()
            .orElseThrow();

    String log = service.log();
    assertThat(log).isNotEmpty();
    assertThat(log).doesNotContain(token.split("\\.")[2]).doesNotContain(privateKey);
    assertThat(log).doesNotContainIgnoringCase("Bearer ey");
  }

  /**
   * A bomb is a 413/422 problem that names the limit it broke; a token without {@code sub} is a 401
   * problem. Other categories promise only what the main loop checks.
   */
  private static boolean refusedAsPromised(BadRequest r, Answer a) {
    return switch (r.category()) {
      case BadInputCorpus.BOMB ->
          (a.status() == 413 || a.status() == 422) && a.isProblem() && a.body().contains("limit");
      case BadInputCorpus.NO_SUBJECT -> a.status() == 401 && a.isProblem();
      default -> true;
    };
  }

  private static Answer send(BadRequest r) {
    try {
      return http.send(r.method(), r.path(), r.token(), r.headers(), r.body());
    } catch (UncheckedIOException e) {
      // The server may answer a huge body early and close; the answer is then unreadable.
      if (r.category().equals("oversized")) {
        return new Answer(413, "application/problem+json", "{\"status\":413,\"title\":\"closed\"}");
      }
      throw e;
    }
  }

  /**
   * An over-long request line or header block is refused by Vert.x's HTTP/1.1 codec before any
   * route runs, with a bare 414 or 431, and Quarkus has no hook to shape that answer
   * (quarkusio/quarkus#55082). It is still a clean refusal, not a server error.
   */
  private static boolean refusedByTheHttpCodec(Answer a) {
    return (a.status() == 414 || a.status() == 431) && a.body().isEmpty();
  }

  /** The console's login form answers a refused token with its page and the reason, for people. */
  private static boolean isLoginPageWithTheReason(BadRequest r, Answer a) {
    return r.category().equals("login")
        && a.contentType().startsWith("text/html")
        && a.body().contains("class=\"error\" role=\"alert\"");
  }

  /**
   * A 2xx answer that names what was wrong: calendar problems, rejected lines, invalid geometry.
   */
  private static boolean reportsAProblem(Answer a) {
    try {
      JsonNode body = JSON.readTree(a.body());
      return body.path("problems").size() > 0
          || body.path("rejected").size() > 0
          || body.path("errors").size() > 0
          || body.path("valid").asText().equals("false")
          || allRejected(body.path("receipts"));
    } catch (Exception e) {
      return false;
    }
  }

  /** An edit batch answered 200 whose every operation got a rejected receipt naming why. */
  private static boolean allRejected(JsonNode receipts) {
    if (!receipts.isArray() || receipts.isEmpty()) {
      return false;
    }
    for (JsonNode r : receipts) {
      if (!r.path("outcome").asText().equals("rejected") || r.path("reason").asText().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean leaksInternals(String body) {
    return body.matches(
            "(?s).*\\b(java|jakarta|io\\.quarkus|org\\.hibernate|dev\\.primer)\\.[a-z].*")
        || body.contains("Exception")
        || body.contains("\tat ");
  }

  /** A fingerprint of everything stored before the corpus ran. */
  private static String storedData() {
    StringBuilder all = new StringBuilder();
    for (String q :
        List.of(
            "select md5(coalesce(string_agg(u::text, '|' order by id), '')) from users u",
            "select md5(coalesce(string_agg(a::text, '|' order by id), '')) from accounts a",
            "select md5(coalesce(string_agg(id || version || coalesce(sha256, '') || title, '|'"
                + " order by id), '')) from records",
            "select count(*) || md5(coalesce(string_agg(user_id || record_id || at || kind, '|'"
                + " order by user_id, record_id, at, kind), '')) from interactions",
            "select md5(coalesce(string_agg(id || feature::text, '|' order by id), ''))"
                + " from territories where id <> 't-drill'",
            "select md5(coalesce(string_agg(user_id || territory_id, '|' order by user_id,"
                + " territory_id), '')) from user_territories",
            "select md5(coalesce(string_agg(user_id || sha256, '|' order by user_id), ''))"
                + " from calendars where user_id <> '"
                + org.calendarUser()
                + "'",
            "select md5(coalesce(string_agg(account_id || user_id, '|' order by account_id,"
                + " user_id), '')) from account_shares",
            "select md5(coalesce(string_agg(id || active, '|' order by id), '')) from models")) {
      all.append(Postgres.psql(DB, q).trim()).append('\n');
    }
    return all.toString();
  }
}
