package dev.primer.service.content;

import dev.primer.service.config.PrimerConfig;
import dev.primer.service.upload.BoundedInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The blob store on local disk: {@code DIR/ab/cd/abcd…} per blob. An upload streams into {@code
 * DIR/tmp} while it is hashed, is flushed to disk, then renamed into place atomically, so a blob
 * file is always complete.
 */
@ApplicationScoped
public class DiskBlobStore implements BlobStore {
  private final Path dir;
  private final Path tmp;

  @Inject
  DiskBlobStore(PrimerConfig config) {
    this(config.blobs().dir());
  }

  /** A store in {@code dir} (created when missing). */
  public DiskBlobStore(Path dir) {
    this.dir = dir.toAbsolutePath();
    this.tmp = this.dir.resolve("tmp");
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the blob directory " + tmp, e);
    }
  }

  @Override
  public BlobInfo put(InputStream in, long maxBytes) {
    Path part;
    try {
      part = Files.createTempFile(tmp, "upload-", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a file in " + tmp, e);
    }
    try {
      MessageDigest sha = Sha256.newDigest();
      long size;
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
          OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha)) {
        size = BoundedInput.of(in, maxBytes, "the content").transferTo(out);
        out.flush();
        channel.force(true);
      }
      String address = HexFormat.of().formatHex(sha.digest());
      Path target = file(address);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try {
          Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
          // Another upload of the same bytes won the race: the blob is there, all is well.
        }
      }
      return new BlobInfo(address, size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a blob", e);
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException e) {
        // A leftover part file is harmless; the next upload uses another name.
      }
    }
  }

  @Override
  public Optional<BlobInfo> info(String sha256) {
    return localFile(sha256)
        .map(
            f -> {
              try {
                return new BlobInfo(sha256, Files.size(f));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Override
  public InputStream open(String sha256, long offset) {
    Path f = localFile(sha256).orElseThrow(() -> new NoSuchElementException("no blob " + sha256));
    try {
      FileChannel channel = FileChannel.open(f, StandardOpenOption.READ);
      channel.position(offset);
      return Channels.newInputStream(channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + sha256, e);
    }
  }

  @Override
  public Optional<Path> localFile(String sha256) {
    if (!BlobStore.isAddress(sha256)) {
      return Optional.empty();
    }
    Path f = file(sha256);
    return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
  }

  @Override
  public List<String> storedBefore(Instant cutoff) {
    List<String> old = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir, 3)) {
      files
          .filter(f -> !f.startsWith(tmp))
          .filter(f -> BlobStore.isAddress(f.getFileName().toString()))
          .filter(f -> modifiedBefore(f, cutoff))
          .forEach(f -> old.add(f.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the blob store " + dir, e);
    }
    return old;
  }

  @Override
  public void delete(String sha256) {
    if (!BlobStore.isAddress(sha256)) {
      return;
    }
    try {
      Files.deleteIfExists(file(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete blob " + sha256, e);
    }
  }

  @Override
  public int deleteAbandonedUploads(Instant cutoff) {
    int deleted = 0;
    try (Stream<Path> parts = Files.list(tmp)) {
      for (Path part :
          parts.filter(p -> p.getFileName().toString().startsWith("upload-")).toList()) {
        if (modifiedBefore(part, cutoff) && Files.deleteIfExists(part)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + tmp, e);
    }
    return deleted;
  }

  private static boolean modifiedBefore(Path f, Instant cutoff) {
    try {
      return Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
    } catch (IOException e) {
      // Gone meanwhile (another sweep, a finished upload): nothing to collect.
      return false;
    }
  }

  private Path file(String sha256) {
    return dir.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }
}
