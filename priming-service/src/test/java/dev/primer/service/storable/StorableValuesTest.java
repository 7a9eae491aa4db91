package dev.primer.service.storable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import dev.primer.service.token.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Values PostgreSQL cannot store (U+0000, times outside 1900..9999, versions near 2^63, over-long
 * text) are refused per line or per field with a reason that names the field, every other line is
 * stored, and device routes answer 400/401 problems instead of 500s.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class StorableValuesTest {
  private static final String NUL = "\\u0000";

  @Inject AgroalDataSource db;

  private static RequestSpecification integrator() {
    return TestTokens.as("crm", Roles.INTEGRATOR).contentType("application/x-ndjson");
  }

  private static String record(String id, String updatedAt, String version) {
    return "{\"id\":\""
        + id
        + "\",\"accountId\":\"sa1\",\"type\":\"contact\",\"title\":\"T\",\"sizeBytes\":10,"
        + "\"version\":"
        + version
        + ",\"updatedAt\":\""
        + updatedAt
        + "\",\"relatedIds\":[]}\n";
  }

  private static JsonPath imported(String kind, String body) {
    return integrator()
        .body(body)
        .post("/v1/import/" + kind)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void recordsWithUnstorableTimesVersionsOrTextAreRejectedByFieldAndTheRestStored()
      throws SQLException {
    String body =
        record("sr-1", "2026-01-01T00:00:00Z", "1")
            + record("sr-2", "0000-01-01T00:00:00Z", "1")
            + record("sr-3", "+300000-01-01T00:00:00Z", "1")
            + record("sr-4", "1899-12-31T23:59:59Z", "1")
            + record("sr-5", "2026-01-01T00:00:00Z", "9223372036854775807")
            + record("sr-6", "2026-01-01T00:00:00Z", "9007199254740991")
            + record("sr-7" + NUL, "2026-01-01T00:00:00Z", "1")
            + record("sr-8", "2026-01-01T00:00:00Z", "1").replace("\"T\"", "\"T" + NUL + "\"")
            + record("x".repeat(201), "2026-01-01T00:00:00Z", "1")
            + record("sr-10", "9999-12-31T23:59:59Z", "1");
    JsonPath answer = imported("records", body);

    assertThat(answer.getLong("inserted")).isEqualTo(3);
    assertThat(answer.getList("rejected.line", Integer.class)).containsExactly(2, 3, 4, 5, 7, 8, 9);
    assertThat(answer.getString("rejected[0].reason")).startsWith("updatedAt must be within years");
    assertThat(answer.getString("rejected[1].reason")).contains("year 300000");
    assertThat(answer.getString("rejected[3].reason"))
        .isEqualTo("version must be within 1..9007199254740991, was 9223372036854775807");
    assertThat(answer.getString("rejected[4].reason")).startsWith("id contains U+0000");
    assertThat(answer.getString("rejected[5].reason")).startsWith("title contains U+0000");
    assertThat(answer.getString("rejected[6].reason"))
        .isEqualTo("id is 201 characters long, more than the 200 allowed");
    assertThat(count("SELECT count(*) FROM records WHERE id LIKE 'sr-%'")).isEqualTo(3);
  }

  @Test
  void interactionsUsersAccountsSharesAndContentRefuseUnstorableValuesAndKeepTheRest()
      throws SQLException {
    JsonPath interactions =
        imported(
            "interactions",
            interaction("2026-01-01T10:00:00+01:00")
                + interaction("0000-01-01T00:00:00Z")
                + interaction("-999999999-01-01T00:00:00+18:00")
                + interaction("2026-01-01T11:00:00+01:00"));
    assertThat(interactions.getLong("inserted")).isEqualTo(2);
    assertThat(interactions.getList("rejected.line", Integer.class)).containsExactly(2, 3);
    assertThat(interactions.getString("rejected[0].reason")).startsWith("at must be within");

    JsonPath users =
        imported(
            "users", user("su-1", "Ana") + user("su-2", "A" + NUL) + user("su-3", "x".repeat(501)));
    assertThat(users.getLong("inserted")).isEqualTo(1);
    assertThat(users.getString("rejected[0].reason")).startsWith("name contains U+0000");
    assertThat(users.getString("rejected[1].reason")).startsWith("name is 501 characters");

    JsonPath accounts =
        imported(
            "accounts",
            account("sa-1", "\"lat\":41.9")
                + account("sa-2", "\"lat\":91")
                + account("sa-3" + NUL, "\"lat\":41.9"));
    assertThat(accounts.getLong("inserted")).isEqualTo(1);
    assertThat(accounts.getString("rejected[0].reason")).contains("lat must be within [-90, 90]");
    assertThat(accounts.getString("rejected[1].reason")).startsWith("id contains U+0000");

    JsonPath shares =
        imported(
            "shares",
            "{\"accountId\":\"sa-1\",\"userId\":\"su-1\"}\n"
                + "{\"accountId\":\"sa-1\",\"userId\":\"su"
                + NUL
                + "\"}\n");
    assertThat(shares.getLong("inserted")).isEqualTo(1);
    assertThat(shares.getString("rejected[0].reason")).startsWith("userId contains U+0000");

    JsonPath content =
        imported("content", "{\"id\":\"r" + NUL + "\",\"contentBase64\":\"eA==\"}\n");
    assertThat(content.getString("rejected[0].reason")).startsWith("id contains U+0000");
    assertThat(count("SELECT count(*) FROM interactions WHERE user_id = 'su-1'")).isEqualTo(2);
  }

  @Test
  void devicesAnswerProblemsForUnstorableNamesAndTelemetryTimes() {
    String token = TestTokens.bearer("su-dev", Roles.DEVICE);
    RestAssured.given()
        .header("Authorization", token)
        .contentType("application/json")
        .body("{\"name\":\"lap" + NUL + "top\",\"platform\":\"linux\"}")
        .post("/v1/devices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("name"))
        .body("errors[0].message", containsString("U+0000"));
    String device =
        RestAssured.given()
            .header("Authorization", token)
            .contentType("application/json")
            .body("{\"name\":\"laptop\",\"platform\":\"linux\"}")
            .post("/v1/devices")
            .then()
            .statusCode(201)
            .extract()
            .path("deviceId");
    JsonPath answer =
        TestTokens.as("su-dev", Roles.DEVICE)
            .contentType("application/x-ndjson")
            .body(
                event("se-1", "0000-01-01T00:00:00Z", "r1")
                    + event("se-2", "+300000-01-01T00:00:00Z", "r1")
                    + event("se-3", "-999999999-01-01T00:00:00+18:00", "r1")
                    + event("se-4", "2026-01-01T00:00:00Z", "r1" + NUL))
            .post("/v1/devices/" + device + "/telemetry")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(answer.getList("rejected.line", Integer.class)).containsExactly(1, 2, 3, 4);
    assertThat(answer.getString("rejected[0].reason")).startsWith("at must be within years");
    assertThat(answer.getString("rejected[3].reason")).startsWith("recordId contains U+0000");
  }

  @Test
  void aTokenThatNamesNoUserIsA401ProblemOnEveryDeviceRoute() throws Exception {
    List<String> nobodies =
        List.of(
            resigned(c -> c.without(List.of("sub", "upn"))),
            resigned(c -> c.remove("sub")),
            resigned(c -> c.put("sub", "")),
            resigned(c -> c.put("sub", " ")));
    for (String token : nobodies) {
      RestAssured.given()
          .header("Authorization", "Bearer " + token)
          .contentType("application/json")
          .body("{\"name\":\"laptop\",\"platform\":\"linux\"}")
          .post("/v1/devices")
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
      RestAssured.given()
          .header("Authorization", "Bearer " + token)
          .get("/v1/devices/d-x/manifest?budget=1000")
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
      RestAssured.given()
          .header("Authorization", "Bearer " + token)
          .get("/v1/blobs/" + "0".repeat(64))
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
    }
  }

  /** A device token signed with the development key after {@code change} edited its claims. */
  private static String resigned(Consumer<ObjectNode> change) throws Exception {
    String[] parts = TestTokens.token("nobody", Roles.DEVICE).split("\\.");
    ObjectMapper json = new ObjectMapper();
    ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    change.accept(claims);
    String input =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.writeValueAsBytes(claims));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(Tokens.readPrivateKey(Path.of("dev-keys/dev-private.pem")));
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  private static String interaction(String at) {
    return "{\"userId\":\"su-1\",\"recordId\":\"sr-1\",\"at\":\"" + at + "\",\"kind\":\"view\"}\n";
  }

  private static String user(String id, String name) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"email\":\"e@x.example\",\"timezone\":\"UTC\",\"home\":{\"lat\":1,\"lon\":2},"
        + "\"territoryIds\":[],\"teamId\":\"t\",\"role\":\"sales\"}\n";
  }

  private static String account(String id, String lat) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"N\",\"domain\":\"d.example\",\"address\":\"A\","
        + lat
        + ",\"lon\":2,\"ownerId\":\"su-1\"}\n";
  }

  private static String event(String id, String at, String record) {
    return "{\"eventId\":\""
        + id
        + "\",\"recordId\":\""
        + record
        + "\",\"at\":\""
        + at
        + "\",\"kind\":\"hit\"}\n";
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
