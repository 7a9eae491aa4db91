package dev.primer.service.content;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed storage of large record content: a blob's address is the SHA-256 of its bytes.
 * On local disk today; an S3-compatible store can implement the same contract.
 */
public interface BlobStore {
  /**
   * Stores what {@code in} yields and returns its address and size. Idempotent: storing the same
   * bytes again stores nothing new. Reading more than {@code maxBytes} fails with a 413 problem and
   * stores nothing.
   */
  BlobInfo put(InputStream in, long maxBytes);

  /** The blob stored under {@code sha256}, if any. */
  Optional<BlobInfo> info(String sha256);

  /**
   * The blob's bytes from {@code offset} on (for HTTP Range); fails with {@link
   * java.util.NoSuchElementException} when there is no such blob.
   */
  InputStream open(String sha256, long offset);

  /** The blob's file when the store is a local disk (for zero-copy serving); empty otherwise. */
  Optional<Path> localFile(String sha256);

  /** The addresses of blobs stored before {@code cutoff}, for the garbage collector. */
  List<String> storedBefore(Instant cutoff);

  /** Deletes a blob (one no record refers to any more); deleting a missing one does nothing. */
  void delete(String sha256);

  /**
   * Deletes uploads abandoned before {@code cutoff} (a client that went away); answers how many.
   */
  int deleteAbandonedUploads(Instant cutoff);

  /** Whether {@code text} is a well-formed address: 64 lower-case hex digits. */
  static boolean isAddress(String text) {
    return text != null && text.matches("[0-9a-f]{64}");
  }
}
