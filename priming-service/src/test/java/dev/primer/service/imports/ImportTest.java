package dev.primer.service.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ImportTest {
  @Inject AgroalDataSource db;

  private static RequestSpecification integrator() {
    return TestTokens.as("crm", Roles.INTEGRATOR).contentType("application/x-ndjson");
  }

  private static String record(String id, long version, long size) {
    return "{\"id\":\""
        + id
        + "\",\"accountId\":\"ia1\",\"type\":\"contact\",\"title\":\"T "
        + version
        + "\",\"sizeBytes\":"
        + size
        + ",\"version\":"
        + version
        + ",\"updatedAt\":\"2026-01-0"
        + version
        + "T10:00:00Z\",\"relatedIds\":[\"ir0\"]}";
  }

  @Test
  void importsRecordsIdempotentlyAndNeverOverwritesWithAStaleVersion() throws SQLException {
    String body = record("ir1", 2, 100) + "\n" + record("ir2", 1, 50) + "\n";
    integrator()
        .body(body)
        .post("/v1/import/records")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(2))
        .body("updated", equalTo(0))
        .body("unchanged", equalTo(0))
        .body("rejected", hasSize(0));
    integrator()
        .body(body)
        .post("/v1/import/records")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(0))
        .body("unchanged", equalTo(2));
    integrator()
        .body(record("ir1", 1, 999) + "\n" + record("ir2", 3, 70))
        .post("/v1/import/records")
        .then()
        .statusCode(200)
        .body("updated", equalTo(1))
        .body("unchanged", equalTo(1));
    assertThat(query("SELECT version || '/' || size_bytes FROM records WHERE id = 'ir1'"))
        .isEqualTo("2/100");
    assertThat(query("SELECT version || '/' || size_bytes FROM records WHERE id = 'ir2'"))
        .isEqualTo("3/70");
    assertThat(query("SELECT related_ids[1] FROM records WHERE id = 'ir1'")).isEqualTo("ir0");
  }

  @Test
  void aFieldsImportCountsItsLinesNotTheFieldsTheyName() {
    integrator()
        .body(record("ifr1", 1, 10) + "\n" + record("ifr2", 1, 10) + "\n")
        .post("/v1/import/records")
        .then()
        .statusCode(200);
    String lines =
        "{\"recordId\":\"ifr1\",\"fields\":{\"phone\":\"1\",\"email\":\"a@x\",\"role\":\"r\"}}\n"
            + "{\"recordId\":\"ifr2\",\"fields\":{\"phone\":\"2\",\"email\":\"b@x\"}}\n";
    integrator()
        .body(lines)
        .post("/v1/import/fields")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(2))
        .body("updated", equalTo(0))
        .body("unchanged", equalTo(0));
    integrator()
        .body(
            lines.replace("\"phone\":\"1\"", "\"phone\":\"9\"")
                + "{\"recordId\":\"ifr2\",\"fields\":{\"notes\":\"new\"}}\n")
        .post("/v1/import/fields")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(1))
        .body("updated", equalTo(1))
        .body("unchanged", equalTo(1));
  }

  @Test
  void badLinesAreRejectedWithTheirNumbersAndGoodLinesAreKept() {
    String body =
        record("ir10", 1, 10)
            + "\n{not json\n"
            + record("ir11", 1, 0)
            + "\n\n"
            + "{\"id\":\"ir12\",\"accountId\":\"a\",\"type\":\"poster\",\"title\":\"x\",\"sizeBytes\":1,\"version\":1,\"updatedAt\":\"2026-01-01T00:00:00Z\"}\n"
            + record("ir13", 1, 10)
            + "\n";
    integrator()
        .body(body)
        .post("/v1/import/records")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(2))
        .body("rejectedTotal", equalTo(3))
        .body("rejected[0].line", equalTo(2))
        .body("rejected[1].line", equalTo(3))
        .body("rejected[1].reason", containsString("sizeBytes must be > 0, was 0"))
        .body("rejected[2].line", equalTo(5))
        .body("rejected[2].reason", containsString("poster"))
        .body(not(containsString("dev.primer")))
        .body(not(containsString("Exception")));
  }

  @Test
  void acceptsGzip() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(
          "{\"userId\":\"iu1\",\"recordId\":\"ir1\",\"at\":\"2026-02-02T07:00:32-05:00\",\"kind\":\"view\"}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    integrator()
        .header("Content-Encoding", "gzip")
        .body(zipped.toByteArray())
        .post("/v1/import/interactions")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(1));
    integrator()
        .header("Content-Encoding", "gzip")
        .body(zipped.toByteArray())
        .post("/v1/import/interactions")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(0))
        .body("unchanged", equalTo(1));
    integrator()
        .header("Content-Encoding", "gzip")
        .body("not gzip")
        .post("/v1/import/interactions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/invalid-gzip"));
  }

  @Test
  void importsUsersWithTheirTerritories() throws SQLException {
    String user =
        "{\"id\":\"iu7\",\"name\":\"Ana\",\"email\":\"ana@x.example\",\"timezone\":\"Europe/Paris\","
            + "\"home\":{\"lat\":48.8,\"lon\":2.3},\"territoryIds\":[\"t1\",\"t2\"],\"teamId\":\"paris\",\"role\":\"sales\"}";
    integrator()
        .body(user)
        .post("/v1/import/users")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(1));
    integrator()
        .body(user)
        .post("/v1/import/users")
        .then()
        .statusCode(200)
        .body("unchanged", equalTo(1));
    integrator()
        .body(user.replace("\"t1\",\"t2\"", "\"t3\""))
        .post("/v1/import/users")
        .then()
        .statusCode(200)
        .body("updated", equalTo(1));
    assertThat(
            query(
                "SELECT string_agg(territory_id, ',') FROM user_territories WHERE user_id = 'iu7'"))
        .isEqualTo("t3");
    assertThat(query("SELECT timezone FROM users WHERE id = 'iu7'")).isEqualTo("Europe/Paris");
  }

  @Test
  void importsAccounts() {
    String account =
        "{\"id\":\"ia9\",\"name\":\"ACME\",\"domain\":\"acme.example\",\"address\":\"1 Main St\",\"lat\":41.1,\"lon\":-87.2,\"ownerId\":\"iu7\"}";
    integrator()
        .body(account)
        .post("/v1/import/accounts")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(1));
    integrator()
        .body(account.replace("ACME", "ACME Pumps"))
        .post("/v1/import/accounts")
        .then()
        .statusCode(200)
        .body("updated", equalTo(1));
  }

  @Test
  void tooLargeBodyIs413Problem() {
    String line = record("ir99", 1, 10) + "\n";
    String body = line.repeat((3 * 1024 * 1024) / line.length());
    integrator()
        .body(body)
        .post("/v1/import/records")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/payload-too-large"));
  }

  @Test
  void unknownKindIs404AndOtherRolesAre403() {
    integrator()
        .body("{}")
        .post("/v1/import/widgets")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("users, accounts, records, interactions"));
    TestTokens.as("u1", Roles.DEVICE)
        .contentType("application/x-ndjson")
        .body("{}")
        .post("/v1/import/users")
        .then()
        .statusCode(403);
    given()
        .contentType("application/x-ndjson")
        .body(new byte[] {'{', '}'})
        .post("/v1/import/users")
        .then()
        .statusCode(401);
  }

  @Test
  void wrongContentTypeIs415Problem() {
    TestTokens.as("crm", Roles.INTEGRATOR)
        .contentType("image/png")
        .body(new byte[] {1, 2})
        .post("/v1/import/users")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  private String query(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
