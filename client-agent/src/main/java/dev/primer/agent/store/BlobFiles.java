package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.trust.ServerValues;
import dev.primer.agent.util.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Large content on disk, encrypted in 64 KiB chunks (each AES-GCM with its own nonce, bound to the
 * blob's sha256 and the chunk's index). A download writes blobs/partial/SHA.part chunk by chunk;
 * after a crash the complete chunks are kept, so the download resumes at a chunk boundary and at
 * most one chunk is fetched again. A verified blob is renamed to blobs/SHA.enc.
 */
public final class BlobFiles {
  /** Plain bytes per chunk. */
  public static final int CHUNK = 64 * 1024;

  /** Bytes per chunk on disk: the plain chunk, its nonce and its tag. */
  static final int SEALED_CHUNK = CHUNK + FieldCipher.OVERHEAD;

  private final Path dir;
  private final FieldCipher cipher;

  public BlobFiles(Path dir, FieldCipher cipher) {
    this.dir = dir;
    this.cipher = cipher;
  }

  /** The file of a verified blob. */
  public Path file(String sha256) {
    return dir.resolve(ServerValues.requireSha256("a blob's sha256", sha256) + ".enc");
  }

  // A sha256 comes from the service: checked before it names a file, so no "../" or absolute path
  // can place one outside blobs/.
  private Path partial(String sha256) {
    return dir.resolve("partial")
        .resolve(ServerValues.requireSha256("a blob's sha256", sha256) + ".part");
  }

  /** Whether a verified blob is on disk. */
  public boolean has(String sha256) {
    return Files.isRegularFile(file(sha256));
  }

  /**
   * Opens a download of {@code sha256}, resuming from the complete chunks of an earlier attempt.
   */
  public BlobDownload startDownload(String sha256) {
    try {
      Path partial = partial(sha256);
      PrivateFiles.createDirectories(Objects.requireNonNull(partial.getParent()));
      return new BlobDownload(sha256, partial, file(sha256), cipher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start blob " + sha256, e);
    }
  }

  /** Writes the plain content of a verified blob to {@code out}, checking every chunk. */
  public void copyTo(String sha256, OutputStream out) throws IOException {
    try (FileChannel channel = FileChannel.open(file(sha256), StandardOpenOption.READ)) {
      long chunks = (channel.size() + SEALED_CHUNK - 1) / SEALED_CHUNK;
      ByteBuffer buffer = ByteBuffer.allocate(SEALED_CHUNK);
      for (long i = 0; i < chunks; i++) {
        buffer.clear();
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
          // fill the chunk
        }
        out.write(
            cipher.decrypt(buffer.array(), 0, buffer.position(), FieldCipher.chunkAad(sha256, i)));
      }
    }
  }

  /** The sha256 of a blob's decrypted content, hex; a damaged chunk throws. */
  public String hash(String sha256) throws IOException {
    MessageDigest digest = sha256Digest();
    copyTo(
        sha256,
        new OutputStream() {
          @Override
          public void write(int b) {
            digest.update((byte) b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
          }
        });
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Deletes verified blobs that no content row refers to, and partial downloads not wanted. */
  public int collectGarbage(Set<String> keep, Set<String> keepPartial) throws IOException {
    int deleted = 0;
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".enc") && !keep.contains(name.substring(0, name.length() - 4))) {
          Files.deleteIfExists(f);
          deleted++;
        }
      }
    }
    Path partials = dir.resolve("partial");
    if (Files.isDirectory(partials)) {
      try (Stream<Path> files = Files.list(partials)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          if (!keepPartial.contains(name.replace(".part", ""))) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
    return deleted;
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
