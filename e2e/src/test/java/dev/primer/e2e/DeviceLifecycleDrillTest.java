package dev.primer.e2e;

import static dev.primer.e2e.Drills.json;
import static dev.primer.e2e.Drills.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.e2e.Http.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device lifecycle drill: a device gets its own token at enrolment, renews it, cannot act for
 * another device, stops working the moment an admin revokes it (and is told to wipe), and a user
 * cannot enrol devices without end.
 */
class DeviceLifecycleDrillTest {
  private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");
  private static ServiceProcess service;
  private static Http http;
  private static Drills.SmallOrg org;

  @BeforeAll
  static void start() {
    service =
        ServiceProcess.start("primer_e2e_devices", NOW, Map.of("primer.devices.max-per-user", "3"));
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
  void anEnrolledDeviceWorksWithItsOwnTokenAndOnlyForItself() {
    JsonNode enrolled = enrol("u3");
    String device = enrolled.path("deviceId").asText();
    String token = enrolled.path("token").asText();

    assertThat(token).startsWith("pdt_");
    assertThat(Instant.parse(enrolled.path("tokenExpiresAt").asText())).isAfter(Instant.now());
    assertThat(http.get(manifest(device), token).status()).isEqualTo(200);
    assertThat(http.get(manifest(org.deviceId()), token).status()).isEqualTo(403);
    assertThat(http.get("/v1/territories", token).status()).isEqualTo(403);
  }

  @Test
  void aRenewedTokenWorksAndTheOldOneIsRetired() {
    JsonNode enrolled = enrol("u3");
    String device = enrolled.path("deviceId").asText();
    String first = enrolled.path("token").asText();

    JsonNode renewed =
        json(ok(http.send("POST", "/v1/devices/" + device + "/token", first, "", ""), "renew"));
    String second = renewed.path("token").asText();

    assertThat(second).startsWith("pdt_").isNotEqualTo(first);
    assertThat(http.get(manifest(device), second).status()).isEqualTo(200);
    // The old token keeps working for a short overlap, never for its whole lifetime.
    assertThat(http.get(manifest(device), first).status()).isEqualTo(200);
    revokeAll("u3");
  }

  @Test
  void aRevokedDeviceIsRefusedAtOnceAndToldToWipe() {
    JsonNode enrolled = enrol("u2");
    String device = enrolled.path("deviceId").asText();
    String token = enrolled.path("token").asText();
    assertThat(http.get(manifest(device), token).status()).isEqualTo(200);

    ok(
        http.send(
            "POST",
            "/v1/admin/devices/" + device + "/revoke",
            DevTokens.of("admin-1", "admin"),
            "",
            ""),
        "revoke");

    Answer withDeviceToken = http.get(manifest(device), token);
    Answer withUserToken = http.get(manifest(device), DevTokens.of("u2", "device"));
    assertThat(withDeviceToken.status()).isEqualTo(401);
    assertThat(withDeviceToken.isProblem()).isTrue();
    assertThat(json(withDeviceToken).path("type").asText()).endsWith("/device-revoked");
    assertThat(withUserToken.status()).isEqualTo(410);
    assertThat(json(withUserToken).path("type").asText()).endsWith("/device-revoked");
    Answer telemetry =
        http.send(
            "POST",
            "/v1/devices/" + device + "/telemetry",
            token,
            "application/x-ndjson",
            "{\"eventId\":\"e-r\",\"recordId\":\"r4\",\"at\":\"2026-03-01T08:00:00Z\",\"kind\":\"hit\"}\n");
    assertThat(telemetry.status()).isEqualTo(401);
  }

  @Test
  void enrolmentsPerUserAreLimitedAndARevokedDeviceFreesItsPlace() {
    revokeAll("u1");
    for (int i = 0; i < 3; i++) {
      enrol("u1");
    }

    Answer fourth = enrolAnswer("u1");
    assertThat(fourth.status()).isEqualTo(409);
    assertThat(fourth.isProblem()).isTrue();
    assertThat(fourth.body()).contains("primer.devices.max-per-user");

    JsonNode listed =
        json(ok(http.get("/v1/admin/devices?userId=u1", DevTokens.of("admin-1", "admin")), "list"));
    String oldest = "";
    for (JsonNode d : listed) {
      if (d.path("revokedAt").isNull() || d.path("revokedAt").isMissingNode()) {
        oldest = d.path("deviceId").asText();
        break;
      }
    }
    ok(
        http.send(
            "POST",
            "/v1/admin/devices/" + oldest + "/revoke",
            DevTokens.of("admin-1", "admin"),
            "",
            ""),
        "revoke");
    assertThat(enrolAnswer("u1").status()).isEqualTo(201);
  }

  @Test
  void anExpiredDeviceTokenGetsAClearProblemNotARetryLoop() {
    try (ServiceProcess shortLived =
        ServiceProcess.start(
            "primer_e2e_devices_ttl", NOW, Map.of("primer.devices.token-lifetime", "PT2S"))) {
      Http h = new Http(shortLived.url());
      JsonNode enrolled =
          json(
              ok(
                  h.send(
                      "POST",
                      "/v1/devices",
                      DevTokens.of("u9", "device"),
                      "application/json",
                      "{\"name\":\"u9-laptop\",\"platform\":\"linux\"}"),
                  "enrol"));
      ServiceProcess.sleep(Duration.ofSeconds(3));

      Answer late =
          h.get(manifest(enrolled.path("deviceId").asText()), enrolled.path("token").asText());
      assertThat(late.status()).isEqualTo(401);
      assertThat(json(late).path("type").asText()).endsWith("/token-expired");
      assertThat(json(late).path("detail").asText()).contains("enrol the device again");
    }
  }

  @Test
  void aUserImportedAMomentAgoGetsAManifestAtOnce() {
    ok(
        http.send(
            "POST",
            "/v1/import/users",
            DevTokens.of("integration-bot", "integrator"),
            "application/x-ndjson",
            Drills.userLine("u7", "Di Newcomer")),
        "import u7");
    JsonNode enrolled = enrol("u7");

    Answer first =
        http.get(manifest(enrolled.path("deviceId").asText()), enrolled.path("token").asText());

    assertThat(first.status()).as(first.body()).isEqualTo(200);
  }

  @Test
  void aDeviceAskingForEverNewBudgetsStoresOnlyAFewSelections() {
    JsonNode enrolled = enrol("u2");
    String device = enrolled.path("deviceId").asText();
    String token = enrolled.path("token").asText();
    for (int i = 0; i < 20; i++) {
      ok(
          http.get("/v1/devices/" + device + "/manifest?budget=" + (5_000_000 + i * 1_000), token),
          "manifest");
    }
    ServiceProcess.sleep(Duration.ofSeconds(1));

    String stored =
        Postgres.psql(service.database(), "SELECT count(*) FROM selections WHERE user_id = 'u2'")
            .strip();

    assertThat(Integer.parseInt(stored)).isLessThanOrEqualTo(5);
  }

  private static JsonNode enrol(String user) {
    return json(ok(enrolAnswer(user), "enrol " + user));
  }

  private static Answer enrolAnswer(String user) {
    return http.send(
        "POST",
        "/v1/devices",
        DevTokens.of(user, "device"),
        "application/json",
        "{\"name\":\"" + user + "-tablet\",\"platform\":\"android\"}");
  }

  private static void revokeAll(String user) {
    String admin = DevTokens.of("admin-1", "admin");
    for (JsonNode d : json(ok(http.get("/v1/admin/devices?userId=" + user, admin), "list"))) {
      ok(
          http.send(
              "POST",
              "/v1/admin/devices/" + d.path("deviceId").asText() + "/revoke",
              admin,
              "",
              ""),
          "revoke");
    }
  }

  private static String manifest(String device) {
    return "/v1/devices/" + device + "/manifest?budget=100000000";
  }
}
