package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The blob drill: a download cut in the middle of the file resumes with Range, byte-exact. */
class BlobResumeDrillTest {
  private static ServiceProcess service;
  private static Drills.SmallOrg org;

  @BeforeAll
  static void start() {
    service = ServiceProcess.start("primer_e2e_blob", Instant.parse("2026-03-02T04:00:00Z"));
    org = Drills.SmallOrg.load(new Http(service.url()));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void aDownloadCutMidFileResumesWithRangeAndHashesRight() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create(service.url() + "/v1/blobs/" + org.blobSha256());
    String token = DevTokens.of(org.user(), "device");
    ByteArrayOutputStream got = new ByteArrayOutputStream();

    // First attempt: read a third of the body, then drop the connection.
    HttpResponse<InputStream> first =
        http.send(
            HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    long length = Long.parseLong(first.headers().firstValue("Content-Length").orElseThrow());
    try (InputStream in = first.body()) {
      got.write(in.readNBytes((int) (length / 3)));
    }

    // Resume from where it stopped, only if the blob is still the same one.
    HttpResponse<byte[]> rest =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Range", "bytes=" + got.size() + "-")
                .header("If-Range", etag)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    got.write(rest.body());

    System.out.printf(
        "blob drill: %,d bytes, cut after %,d, resumed with %d %s%n",
        length,
        length / 3,
        rest.statusCode(),
        rest.headers().firstValue("Content-Range").orElse(""));
    assertThat(first.headers().firstValue("Accept-Ranges")).contains("bytes");
    assertThat(rest.statusCode()).isEqualTo(206);
    assertThat(rest.headers().firstValue("Content-Range"))
        .contains("bytes " + (length / 3) + "-" + (length - 1) + "/" + length);
    assertThat(rest.body()).hasSize((int) (length - length / 3));
    assertThat(Drills.sha256(got.toByteArray())).isEqualTo(org.blobSha256());
  }

  @Test
  void aStaleIfRangeGetsTheWholeBlobAgain() throws Exception {
    HttpResponse<byte[]> answer =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(service.url() + "/v1/blobs/" + org.blobSha256()))
                    .header("Authorization", "Bearer " + DevTokens.of(org.user(), "device"))
                    .header("Range", "bytes=100-")
                    .header("If-Range", "\"not-the-etag\"")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(Drills.sha256(answer.body())).isEqualTo(org.blobSha256());
  }
}
