package dev.primer.e2e;

import static dev.primer.e2e.Drills.json;
import static dev.primer.e2e.Drills.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.e2e.Http.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access drill: a rep's device tries to reach another rep's private account through telemetry,
 * a calendar visit, records:fetch and the blob store, and gets nothing; what the visibility rules
 * allow (own, territory, teammate, shared) still arrives.
 *
 * <p>Ana (u1, team north, territory Chicago) and Bo (u2, team south) own accounts in Chicago and
 * Milwaukee; Bo shares one Milwaukee account with Ana; Cy (u3) is Bo's teammate.
 */
class AccessDrillTest {
  private static final String PRIVATE_CONTACT = "r-bo-contact";
  private static final String PRIVATE_SCHEMATIC = "r-bo-schematic";
  private static final String SHARED_CONTACT = "r-shared-contact";

  private static ServiceProcess service;
  private static Http http;
  private static String anaDevice;
  private static String boDevice;
  private static String cyDevice;
  private static String privateBlob;
  private static JsonNode launderingAnswer;

  @BeforeAll
  static void start() {
    // The "recent" baseline selects what each user touched lately: the path laundered telemetry
    // took onto a device (a model ranks the same history candidates).
    service =
        ServiceProcess.start(
            "primer_e2e_access",
            Instant.parse("2026-03-02T04:00:00Z"),
            Map.of("primer.manifest.fallback-baseline", "recent"));
    http = new Http(service.url());
    privateBlob = loadOrganisation();
    anaDevice = Drills.enrol(http, "u1");
    boDevice = Drills.enrol(http, "u2");
    cyDevice = Drills.enrol(http, "u3");
    Drills.awaitManifest(http, anaDevice, "u1");

    // Ana's device claims 1,500 reads of Bo's private records, as the hole allowed.
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      String record = i % 2 == 0 ? PRIVATE_CONTACT : PRIVATE_SCHEMATIC;
      events.append(event("launder-" + i, record));
    }
    launderingAnswer = json(ok(telemetry(anaDevice, "u1", events.toString()), "telemetry"));
    Drills.precompute(service);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void telemetryForAnotherRepsPrivateRecordsIsRefusedEventByEvent() {
    assertThat(launderingAnswer.path("accepted").asInt()).isZero();
    assertThat(launderingAnswer.path("rejected")).hasSize(1500);
    assertThat(launderingAnswer.path("rejected").get(0).path("reason").asText())
        .isEqualTo("record " + PRIVATE_CONTACT + " is not available to this device");
  }

  @Test
  void anUnknownIdAndAPrivateIdAreRefusedInTheSameWords() {
    JsonNode answer =
        json(
            ok(
                telemetry(
                    anaDevice,
                    "u1",
                    event("probe-1", PRIVATE_CONTACT)
                        + event("probe-2", "r-does-not-exist")
                        + event("probe-3", "r-ana-contact")),
                "telemetry"));

    assertThat(answer.path("accepted").asInt()).isEqualTo(1);
    assertThat(answer.path("rejected").get(0).path("reason").asText())
        .isEqualTo("record " + PRIVATE_CONTACT + " is not available to this device");
    assertThat(answer.path("rejected").get(1).path("reason").asText())
        .isEqualTo("record r-does-not-exist is not available to this device");
  }

  @Test
  void afterTheNightAnasManifestHoldsWhatSheMayReadAndNothingOfBosPrivateAccount() {
    List<String> ids = manifestIds(anaDevice, "u1");

    assertThat(ids).contains("r-ana-contact", SHARED_CONTACT);
    assertThat(ids).doesNotContain(PRIVATE_CONTACT, PRIVATE_SCHEMATIC);
  }

  @Test
  void aTeammateOfTheOwnerGetsTheAccountThatAnaDoesNot() {
    List<String> ids = manifestIds(cyDevice, "u3");

    assertThat(ids).contains(PRIVATE_CONTACT);
  }

  @Test
  void recordsFetchOfAnotherRepsPrivateRecordAnswersAnErrorLine() {
    manifestIds(anaDevice, "u1");
    Answer answer =
        ok(
            http.send(
                "POST",
                "/v1/devices/" + anaDevice + "/records:fetch",
                DevTokens.of("u1", "device"),
                "application/json",
                "{\"ids\":[\"" + PRIVATE_CONTACT + "\",\"r-ana-contact\"]}"),
            "records:fetch");
    String[] lines = answer.body().split("\n");

    assertThat(lines[0]).contains("\"error\"").doesNotContain("contentBase64");
    assertThat(lines[1]).contains("contentBase64");
  }

  @Test
  void theBlobOfAnotherRepsPrivateRecordIsNotFoundForAnaButServedToBo() {
    manifestIds(anaDevice, "u1");
    manifestIds(boDevice, "u2");

    Answer ana = http.get("/v1/blobs/" + privateBlob, DevTokens.of("u1", "device"));
    Answer bo = http.get("/v1/blobs/" + privateBlob, DevTokens.of("u2", "device"));

    assertThat(ana.status()).isEqualTo(404);
    assertThat(bo.status()).isEqualTo(200);
  }

  private static List<String> manifestIds(String device, String user) {
    JsonNode manifest =
        json(
            ok(
                http.get(
                    "/v1/devices/" + device + "/manifest?budget=100000000",
                    DevTokens.of(user, "device")),
                "manifest of " + user));
    List<String> ids = new ArrayList<>();
    manifest.path("entries").forEach(e -> ids.add(e.path("recordId").asText()));
    return ids;
  }

  private static Answer telemetry(String device, String user, String ndjson) {
    return http.send(
        "POST",
        "/v1/devices/" + device + "/telemetry",
        DevTokens.of(user, "device"),
        "application/x-ndjson",
        ndjson);
  }

  private static String event(String id, String record) {
    return "{\"eventId\":\""
        + id
        + "\",\"recordId\":\""
        + record
        + "\",\"at\":\"2026-03-01T15:00:00Z\",\"kind\":\"hit\"}\n";
  }

  /** Loads the organisation; answers the SHA-256 of Bo's private schematic. */
  private static String loadOrganisation() {
    String integrator = DevTokens.of("integration-bot", "integrator");
    String admin = DevTokens.of("admin-1", "admin");
    Drills.putChicago(http, "t-chicago");
    Drills.importLines(
        http,
        "users",
        Drills.userLine("u1", "Ana Field", "north")
            + Drills.userLine("u2", "Bo Other", "south")
            + Drills.userLine("u3", "Cy Teammate", "south"));
    Drills.importLines(
        http,
        "accounts",
        account("a-ana", "ACME Pumps", "u1", 41.88, -87.63)
            + account("a-bo", "Lakeside Brewing", "u2", 43.04, -87.91)
            + account("a-shared", "Harbor Cranes", "u2", 43.02, -87.90));
    Drills.importLines(
        http,
        "records",
        Drills.recordLine("r-ana-contact", "a-ana", "contact", "r-ana-contact", 40)
            + Drills.recordLine(PRIVATE_CONTACT, "a-bo", "contact", PRIVATE_CONTACT, 30)
            + Drills.recordLine(PRIVATE_SCHEMATIC, "a-bo", "schematic", PRIVATE_SCHEMATIC, 100_000)
            + Drills.recordLine(SHARED_CONTACT, "a-shared", "contact", SHARED_CONTACT, 50));
    Drills.importLines(
        http,
        "interactions",
        Drills.interactionLine("u1", "r-ana-contact", "2026-02-27T15:00:00Z")
            + Drills.interactionLine("u2", PRIVATE_CONTACT, "2026-02-27T15:00:00Z")
            + Drills.interactionLine("u2", PRIVATE_SCHEMATIC, "2026-02-27T15:00:00Z")
            + Drills.interactionLine("u3", PRIVATE_CONTACT, "2026-02-27T15:00:00Z")
            + Drills.interactionLine("u1", SHARED_CONTACT, "2026-02-27T15:00:00Z"));
    Drills.importLines(http, "shares", "{\"accountId\":\"a-shared\",\"userId\":\"u1\"}\n");
    for (Map.Entry<String, Integer> small :
        Map.of("r-ana-contact", 40, PRIVATE_CONTACT, 30, SHARED_CONTACT, 50).entrySet()) {
      content(
          integrator,
          small.getKey(),
          "x".repeat(small.getValue()).getBytes(StandardCharsets.UTF_8));
    }
    byte[] blob = new byte[100_000];
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) (i * 17 + 3);
    }
    content(integrator, PRIVATE_SCHEMATIC, blob);
    ok(
        http.send("PUT", "/v1/users/u1/territories", admin, "application/json", "[\"t-chicago\"]"),
        "territories of u1");
    // Ana's calendar has a visit at Bo's private account: a visit is no key to its records.
    ok(
        http.send(
            "PUT",
            "/v1/users/u1/calendar",
            integrator,
            "text/calendar",
            BadInputCorpus.VALID_CALENDAR
                .replace("Visit ACME Pumps", "Visit Lakeside Brewing")
                .replace("LOCATION:41.88,-87.63", "LOCATION:43.04,-87.91")),
        "calendar of u1");
    return Drills.sha256(blob);
  }

  private static void content(String token, String record, byte[] bytes) {
    ok(
        http.send(
            "PUT",
            "/v1/records/" + record + "/content",
            token,
            Map.of("Content-Type", "application/octet-stream"),
            bytes),
        "content of " + record);
  }

  private static String account(String id, String name, String owner, double lat, double lon) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"domain\":\""
        + id
        + ".example\",\"address\":\"1 Main St\",\"lat\":"
        + lat
        + ",\"lon\":"
        + lon
        + ",\"ownerId\":\""
        + owner
        + "\"}\n";
  }
}
