package dev.primer.service.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.primer.core.scoring.ModelBundles;
import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ContentTest {
  @Inject BlobStore blobs;

  private static RequestSpecification integrator() {
    return TestTokens.as("crm", Roles.INTEGRATOR);
  }

  /** Idempotent, so running it before every test costs only time. */
  @BeforeEach
  void records() {
    StringBuilder lines = new StringBuilder();
    for (String[] r :
        new String[][] {
          {"cr1", "10"}, {"cr2", "100000"}, {"cr3", "5"}, {"cr4", "2000000"}, {"cr5", "10"}
        }) {
      lines.append(
          "{\"id\":\"%s\",\"accountId\":\"ca1\",\"type\":\"schematic\",\"title\":\"S\",\"sizeBytes\":%s,\"version\":1,\"updatedAt\":\"2026-01-01T00:00:00Z\"}\n"
              .formatted(r[0], r[1]));
    }
    integrator()
        .contentType("application/x-ndjson")
        .body(lines.toString())
        .post("/v1/import/records")
        .then()
        .statusCode(200)
        .body("rejectedTotal", equalTo(0));
  }

  @Test
  void storesSmallContentInline() {
    byte[] content = "0123456789".getBytes();
    integrator()
        .contentType("application/octet-stream")
        .body(content)
        .put("/v1/records/cr1/content")
        .then()
        .statusCode(200)
        .body("sha256", equalTo(ModelBundles.sha256(content)))
        .body("sizeBytes", equalTo(10));
    assertThat(blobs.info(ModelBundles.sha256(content))).isEmpty();
  }

  @Test
  void storesLargeContentInTheBlobStore() throws IOException {
    byte[] content = new byte[100_000];
    Arrays.fill(content, (byte) 7);
    String sha = ModelBundles.sha256(content);
    integrator()
        .contentType("application/octet-stream")
        .body(content)
        .put("/v1/records/cr2/content")
        .then()
        .statusCode(200)
        .body("sha256", equalTo(sha));
    assertThat(blobs.info(sha)).contains(new BlobInfo(sha, 100_000));
    try (InputStream in = blobs.open(sha, 99_990)) {
      assertThat(in.readAllBytes()).hasSize(10);
    }
    // Idempotent: the same bytes again store nothing new and give the same address.
    integrator()
        .contentType("application/octet-stream")
        .body(content)
        .put("/v1/records/cr2/content")
        .then()
        .statusCode(200)
        .body("sha256", equalTo(sha));
  }

  @Test
  void importsSmallContentInBulkAndRejectsBadLinesByNumber() {
    String ten = java.util.Base64.getEncoder().encodeToString("abcdefghij".getBytes());
    String body =
        "{\"id\":\"cr5\",\"contentBase64\":\""
            + ten
            + "\"}\n"
            + "{\"id\":\"cr3\",\"contentBase64\":\""
            + ten
            + "\"}\n"
            + "{\"id\":\"ghost\",\"contentBase64\":\""
            + ten
            + "\"}\n"
            + "{\"id\":\"cr5\",\"contentBase64\":\"!!\"}\n";
    integrator()
        .contentType("application/x-ndjson")
        .body(body)
        .post("/v1/import/content")
        .then()
        .statusCode(200)
        .body("inserted", equalTo(1))
        .body("rejectedTotal", equalTo(3))
        .body("rejected[0].line", equalTo(2))
        .body("rejected[0].reason", containsString("sizeBytes 5"))
        .body("rejected[1].line", equalTo(3))
        .body("rejected[2].line", equalTo(4));
    integrator()
        .contentType("application/x-ndjson")
        .body(body.lines().findFirst().orElseThrow())
        .post("/v1/import/content")
        .then()
        .statusCode(200)
        .body("unchanged", equalTo(1));
  }

  @Test
  void refusesContentOfAnotherSize() {
    integrator()
        .contentType("application/octet-stream")
        .body("123456".getBytes())
        .put("/v1/records/cr3/content")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/content-size-mismatch"))
        .body("errors[0].field", equalTo("sizeBytes"));
    integrator()
        .contentType("application/octet-stream")
        .body(new byte[100_001])
        .put("/v1/records/cr2/content")
        .then()
        .statusCode(422);
  }

  @Test
  void contentAboveTheLimitIs413AndUnknownRecordIs404() {
    integrator()
        .contentType("application/octet-stream")
        .body(new byte[10])
        .put("/v1/records/cr4/content")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    integrator()
        .contentType("application/octet-stream")
        .body(new byte[10])
        .put("/v1/records/nope/content")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    TestTokens.as("a", Roles.ADMIN)
        .contentType("application/octet-stream")
        .body(new byte[10])
        .put("/v1/records/cr1/content")
        .then()
        .statusCode(403);
  }
}
