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
                org.recordId()));

    Map<String, Integer> statuses = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    List<String> notProblems = new ArrayList<>();
    List<String> acceptedAsValid = new ArrayList<>();
    int malformedSeen = 0;
    for (BadRequest r : corpus) {
      Answer a = send(r);
      statuses.merge(r.category() + " " + a.status(), 1, Integer::sum);
      if (a.status() >= 500) {
        serverErrors.add(a.status() + " " + r + " -> " + a.body());
      } else if (a.status() >= 400) {
        if (refusedByTheHttpCodec(a)) {
          malformedSeen++;
        } else if (!a.isProblem() || leaksInternals(a.body())) {
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
            + " valid, %d server errors, %d answers that were not problem documents%n",
        corpus.size(),
        malformedSeen,
        acceptedAsValid.size(),
        serverErrors.size(),
        notProblems.size());
    statuses.forEach((k, v) -> System.out.printf("  %-22s %,6d%n", k, v));
    assertThat(serverErrors).isEmpty();
    assertThat(notProblems).isEmpty();
    assertThat(malformedSeen).isGreaterThanOrEqualTo(1000);
    assertThat(storedData()).isEqualTo(before);
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

  /**
   * A 2xx answer that names what was wrong: calendar problems, rejected lines, invalid geometry.
   */
  private static boolean reportsAProblem(Answer a) {
    try {
      JsonNode body = JSON.readTree(a.body());
      return body.path("problems").size() > 0
          || body.path("rejected").size() > 0
          || body.path("errors").size() > 0
          || body.path("valid").asText().equals("false");
    } catch (Exception e) {
      return false;
    }
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
            "select md5(coalesce(string_agg(id || active, '|' order by id), '')) from models")) {
      all.append(Postgres.psql(DB, q).trim()).append('\n');
    }
    return all.toString();
  }
}
