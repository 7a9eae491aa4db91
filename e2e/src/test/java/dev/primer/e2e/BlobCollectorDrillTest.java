package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blob collector drill: superseded content and abandoned uploads are deleted once their grace
 * has passed; the blob a record refers to stays.
 */
class BlobCollectorDrillTest {

  @Test
  void supersededBlobsAndAbandonedUploadsGoAfterTheGraceAndTheCurrentBlobStays() throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
            "primer_e2e_blobgc",
            Instant.parse("2026-03-02T04:00:00Z"),
            Map.of("primer.blobs.gc-grace", "PT2S", "primer.blobs.gc-every", "1s"))) {
      Http http = new Http(service.url());
      Drills.SmallOrg org = Drills.SmallOrg.load(http);
      Path first = blobFile(service, org.blobSha256());
      assertThat(first).exists();

      byte[] replacement = new byte[100_000];
      Arrays.fill(replacement, (byte) 42);
      Drills.ok(
          http.send(
              "PUT",
              "/v1/records/r2/content",
              DevTokens.of("integration-bot", "integrator"),
              Map.of("Content-Type", "application/octet-stream"),
              replacement),
          "new content of r2");
      Path second = blobFile(service, Drills.sha256(replacement));
      Path abandoned = service.blobs().resolve("tmp/upload-123.part");
      Files.write(abandoned, new byte[1000]);
      Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

      long deadline = System.nanoTime() + 20_000_000_000L;
      while ((Files.exists(first) || Files.exists(abandoned)) && System.nanoTime() < deadline) {
        ServiceProcess.sleep(Duration.ofMillis(250));
      }

      assertThat(first).doesNotExist();
      assertThat(abandoned).doesNotExist();
      assertThat(second).exists();
      assertThat(service.log()).contains("unreferenced blobs deleted");
    }
  }

  private static Path blobFile(ServiceProcess service, String sha256) {
    return service
        .blobs()
        .resolve(sha256.substring(0, 2))
        .resolve(sha256.substring(2, 4))
        .resolve(sha256);
  }
}
