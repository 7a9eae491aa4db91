package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.sync.RecordPreparer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobFilesTest {
  @TempDir Path dir;

  private final FieldCipher cipher = new FieldCipher(new byte[32]);

  private static byte[] content(int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(7).nextBytes(bytes);
    return bytes;
  }

  @Test
  void anInterruptedDownloadResumesAtTheLastCompleteChunk() throws Exception {
    byte[] content = content(5 * BlobFiles.CHUNK + 1234);
    String sha = RecordPreparer.sha256(content);
    BlobFiles blobs = new BlobFiles(dir, cipher);

    int cut = 3 * BlobFiles.CHUNK + 999;
    try (BlobFiles.Download d = blobs.startDownload(sha)) {
      d.write(content, 0, cut); // then the process "dies": close without finish
    }
    try (BlobFiles.Download d = blobs.startDownload(sha)) {
      assertThat(d.offset()).isEqualTo(3L * BlobFiles.CHUNK);
      d.write(content, (int) d.offset(), content.length - (int) d.offset());
      assertThat(d.finish()).isTrue();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    blobs.copyTo(sha, out);
    assertThat(out.toByteArray()).isEqualTo(content);
    assertThat(blobs.hash(sha)).isEqualTo(sha);
  }

  @Test
  void aTornChunkIsDroppedOnResume() throws Exception {
    byte[] content = content(3 * BlobFiles.CHUNK);
    String sha = RecordPreparer.sha256(content);
    BlobFiles blobs = new BlobFiles(dir, cipher);
    try (BlobFiles.Download d = blobs.startDownload(sha)) {
      d.write(content, 0, 2 * BlobFiles.CHUNK);
    }
    Path part = dir.resolve("partial").resolve(sha + ".part");
    byte[] raw = Files.readAllBytes(part);
    raw[raw.length - 5] ^= 0x55; // damage the second chunk's tag
    Files.write(part, raw);
    try (BlobFiles.Download d = blobs.startDownload(sha)) {
      assertThat(d.offset()).isEqualTo(BlobFiles.CHUNK);
    }
  }

  @Test
  void contentThatDoesNotHashToItsNameIsRefused() throws Exception {
    byte[] content = content(100_000);
    String wrong = RecordPreparer.sha256(new byte[] {1});
    BlobFiles blobs = new BlobFiles(dir, cipher);
    try (BlobFiles.Download d = blobs.startDownload(wrong)) {
      d.write(content, 0, content.length);
      assertThat(d.finish()).isFalse();
    }
    assertThat(blobs.has(wrong)).isFalse();
  }

  @Test
  void blobFilesHoldNoPlainContent() throws Exception {
    byte[] content = "the schematic of pump model ZX-9000 ".repeat(5000).getBytes();
    String sha = RecordPreparer.sha256(content);
    BlobFiles blobs = new BlobFiles(dir, cipher);
    try (BlobFiles.Download d = blobs.startDownload(sha)) {
      d.write(content, 0, content.length);
      assertThat(d.finish()).isTrue();
    }
    assertThat(
            new String(
                Files.readAllBytes(blobs.file(sha)), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("ZX-9000");
  }
}
