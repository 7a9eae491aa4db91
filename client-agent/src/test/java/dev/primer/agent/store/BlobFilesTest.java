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
    try (BlobDownload d = blobs.startDownload(sha)) {
      d.write(content, 0, cut); // then the process "dies": close without finish
    }
    try (BlobDownload d = blobs.startDownload(sha)) {
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
    try (BlobDownload d = blobs.startDownload(sha)) {
      d.write(content, 0, 2 * BlobFiles.CHUNK);
    }
    Path part = dir.resolve("partial").resolve(sha + ".part");
    byte[] raw = Files.readAllBytes(part);
    raw[raw.length - 5] ^= 0x55; // damage the second chunk's tag
    Files.write(part, raw);
    try (BlobDownload d = blobs.startDownload(sha)) {
      assertThat(d.offset()).isEqualTo(BlobFiles.CHUNK);
    }
  }

  @Test
  void contentThatDoesNotHashToItsNameIsRefused() throws Exception {
    byte[] content = content(100_000);
    String wrong = RecordPreparer.sha256(new byte[] {1});
    BlobFiles blobs = new BlobFiles(dir, cipher);
    try (BlobDownload d = blobs.startDownload(wrong)) {
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
    try (BlobDownload d = blobs.startDownload(sha)) {
      d.write(content, 0, content.length);
      assertThat(d.finish()).isTrue();
    }
    assertThat(
            new String(
                Files.readAllBytes(blobs.file(sha)), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("ZX-9000");
  }

  /** A stream that hands out at most {@code step} bytes a read, then fails at {@code failAt}. */
  private static java.io.InputStream trickle(byte[] content, int step, int failAt) {
    return new java.io.InputStream() {
      private int at;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        if (at >= failAt) {
          throw new java.io.IOException("connection reset at " + at);
        }
        if (at == content.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, step), Math.min(content.length, failAt) - at);
        System.arraycopy(content, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  @Test
  void aStreamReadAheadInOddPiecesStoresEveryByteInOrder() throws Exception {
    // Large enough for background flushes (every 4 MiB) to happen during the download.
    byte[] content = content(9 * (1 << 20) + 4321);
    String sha = RecordPreparer.sha256(content);
    BlobFiles blobs = new BlobFiles(dir, cipher);
    try (BlobDownload d = blobs.startDownload(sha)) {
      assertThat(d.writeAll(trickle(content, 7_777, Integer.MAX_VALUE), () -> false))
          .isEqualTo(content.length);
      assertThat(d.finish()).isTrue();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    blobs.copyTo(sha, out);
    assertThat(out.toByteArray()).isEqualTo(content);
  }

  @Test
  void aBrokenStreamFailsTheDownloadAndKeepsTheCompleteChunks() throws Exception {
    byte[] content = content(6 * BlobFiles.CHUNK);
    String sha = RecordPreparer.sha256(content);
    BlobFiles blobs = new BlobFiles(dir, cipher);
    int failAt = 4 * BlobFiles.CHUNK + 100;
    try (BlobDownload d = blobs.startDownload(sha)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> d.writeAll(trickle(content, 10_000, failAt), () -> false))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("connection reset");
    }
    try (BlobDownload d = blobs.startDownload(sha)) {
      assertThat(d.offset()).isEqualTo(4L * BlobFiles.CHUNK);
    }
  }

  @Test
  void aCancelledDownloadStopsEarly() throws Exception {
    byte[] content = content(8 * BlobFiles.CHUNK);
    BlobFiles blobs = new BlobFiles(dir, cipher);
    try (BlobDownload d = blobs.startDownload(RecordPreparer.sha256(content))) {
      assertThat(d.writeAll(trickle(content, 1000, Integer.MAX_VALUE), () -> true)).isZero();
    }
  }
}
